/** The language switcher without JavaScript: a plain form post that sets the cookie and comes back. */
import { expect, test } from './fixtures';

test.beforeEach(async ({ context }) => {
  await context.clearCookies({ name: 'locale' });
});

test('the switcher works without JavaScript and the choice is remembered', async ({ page, signIn }) => {
  await signIn(page, 'tom@example.com');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'My profile', exact: true })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'My profile', exact: true })).toBeVisible();
});
