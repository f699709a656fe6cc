import { expect, test } from './fixtures';

test('the sandbox publishes its customer issuer', async ({ request, sandboxURL }) => {
  const response = await request.get(`${sandboxURL}/customers/.well-known/openid-configuration`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ issuer: `${sandboxURL}/customers` });
});

test('the app answers its home page in the browser', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBeLessThan(500);
});
