/**
 * Accessibility of the customer slice: axe finds no violation on each page and state, and the
 * profile form works from the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { describeViolations, field, formStatus, openAccount, saveButton, signedInTest } from './support/customer';
import { TOM, signInAsStaff, staffSearch } from './support/staff';

async function expectNoAxeViolations(page: Page) {
  // @axe-core/playwright types its page with its own copy of playwright-core: the same object.
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).analyze();
  expect(results.violations, `axe violations on ${page.url()}:\n\n${describeViolations(results.violations)}`).toEqual([]);
}

test.describe('axe, signed out', () => {
  test('the home page has no axe violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the sandbox sign-in page has no axe violations', async ({ page, sandboxURL }) => {
    await page.goto('/account');
    await page.waitForURL((url) => url.origin === new URL(sandboxURL).origin);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

signedInTest.describe('axe and keyboard, signed in as Tom', () => {
  signedInTest.beforeEach(async ({ page }) => {
    await openAccount(page);
  });

  signedInTest('the account page has no axe violations', async ({ page }) => {
    await expectNoAxeViolations(page);
  });

  signedInTest('the account page with field errors has no axe violations', async ({ page }) => {
    await page.getByLabel('Phone 1 number').fill('12');
    await page.getByLabel('First name').fill('');
    await saveButton(page).click();
    await expect(formStatus(page)).toContainText('Nothing was saved');
    await expect(page.locator('[aria-invalid="true"]')).not.toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  signedInTest('the confirm-address state has no axe violations', async ({ page }) => {
    await page.getByLabel('Postcode').fill('75001');
    await field(page, 'address.city').fill('Lyon');
    await saveButton(page).click();
    await expect(page.getByRole('heading', { name: 'We could not verify this address' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  signedInTest('keyboard: Tab from the top reaches the email input, then Save', async ({ page }) => {
    // Start from the top of the document.
    await page.locator('body').focus();
    const reached: string[] = [];
    const tabUntil = async (isTarget: () => Promise<boolean>, limit: number) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? `${el.tagName.toLowerCase()}#${el.id}[${(el.getAttribute('name') ?? el.textContent ?? '').trim().slice(0, 30)}]` : 'none';
        }));
        if (await isTarget()) return true;
      }
      return false;
    };
    const email = page.getByLabel('Email', { exact: true });
    expect(await tabUntil(() => email.evaluate((el) => el === document.activeElement), 15), reached.join(' → ')).toBe(true);
    await expect(email).toBeFocused();
    const save = saveButton(page);
    expect(await tabUntil(() => save.evaluate((el) => el === document.activeElement), 40), reached.join(' → ')).toBe(true);
    await expect(save).toBeFocused();
  });

  signedInTest('keyboard: Enter in a field submits the form', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    const secondName = page.getByLabel('Second name');
    await secondName.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Jacques');
    await page.keyboard.press('Enter');
    await expect(formStatus(page)).toHaveText('Saved');
    const patches = (await sandbox.requests(since)).filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.body)).toEqual([{ second_name: 'Jacques' }]);
  });

  signedInTest('keyboard: focus lands on the error summary after a failed save', async ({ page }) => {
    await page.getByLabel('Phone 1 number').fill('12');
    await page.getByLabel('Phone 1 number').press('Enter');
    const summary = formStatus(page);
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary).toBeFocused();
    // Its link leads to the field in error.
    const link = summary.getByRole('link');
    await expect(link).toHaveAttribute('href', '#field-phones-0-number');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#field-phones-0-number$/);
  });
});

test.describe('axe, signed in as staff', () => {
  test('the staff search (with results), preview and audit pages have no axe violations', async ({ page }) => {
    await signInAsStaff(page);
    await expectNoAxeViolations(page);
    await staffSearch(page, TOM.email);
    await expect(page.getByRole('link', { name: TOM.name })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: TOM.name }).click();
    await expect(page.getByTestId('preview-banner')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/staff/audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
