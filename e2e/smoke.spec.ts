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

test('a home page left open in another tab does not break signing in (its links are not prefetched)', async ({ context, page, signIn, sandboxURL }) => {
  const home = await context.newPage();
  const starts: string[] = [];
  home.on('request', (request) => {
    if (new URL(request.url()).pathname === '/signin/start') starts.push(request.url());
  });
  await home.goto('/');
  await home.waitForLoadState('networkidle');
  expect(starts).toEqual([]);
  // A prefetch that reached the route anyway starts nothing.
  const prefetch = await page.request.get('/signin/start?role=customer', { headers: { 'next-router-prefetch': '1' }, maxRedirects: 0 });
  expect(prefetch.status()).toBe(204);

  await signIn(page, 'tom@example.com');
  await expect(page).toHaveURL(/\/account$/);
  expect(new URL(sandboxURL).origin).not.toBe(new URL(page.url()).origin);
});
