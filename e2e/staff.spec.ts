import { expect, test } from './fixtures';
import { AGENT, AOIFE, auditRows, foreignCalls, preferEnglish, SANDBOX_ORIGIN, signInAsStaff, staffSearch, TOM } from './support/staff';

/** Staff search, the read-only preview and its audit trail; customers kept out of the staff area. */

test.describe('staff', () => {
  test.beforeEach(async ({ context }) => preferEnglish(context));

  test('a signed-out visit to /staff goes to the staff issuer and comes back to the search', async ({ page, request }) => {
    const first = await request.get('/staff', { maxRedirects: 0 });
    expect(first.status()).toBeGreaterThanOrEqual(300);
    expect(first.status()).toBeLessThan(400);
    const start = new URL(first.headers().location!, 'http://app.invalid');
    expect(start.pathname).toBe('/signin/start');
    expect(start.searchParams.get('role')).toBe('staff');
    expect(start.searchParams.get('callbackUrl')).toBe('/staff');

    await page.goto('/staff');
    await page.waitForURL((url) => url.origin === SANDBOX_ORIGIN && url.pathname.startsWith('/staff/'));
    await signInAsStaff(page);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByTestId('signed-in-as')).toHaveText(AGENT.name);
  });

  test('searches by email, GM number, customer id and last name, with clear messages', async ({ page }) => {
    await signInAsStaff(page);
    const results = page.getByRole('table', { name: 'Customers matching the search' });
    const resultNames = () => results.getByRole('link').allTextContents();

    await staffSearch(page, TOM.email);
    await expect(page.getByRole('status')).toHaveText('1 customer found.');
    expect(await resultNames()).toEqual([TOM.name]);
    await expect(results.getByRole('link', { name: TOM.name })).toHaveAttribute('href', `/staff/customers/${TOM.id}`);

    // Case-insensitive email, leading zeros of a GM number kept.
    await staffSearch(page, '  AOIFE.OBRIEN@example.ie ');
    expect(await resultNames()).toEqual([AOIFE.name]);
    await staffSearch(page, AOIFE.gmNumber);
    expect(await resultNames()).toEqual([AOIFE.name]);
    await expect(results.getByRole('row').nth(1)).toContainText(AOIFE.gmNumber);
    await staffSearch(page, TOM.id);
    expect(await resultNames()).toEqual([TOM.name]);
    // Aoife's customer id is not her GM number: it still finds her.
    await staffSearch(page, AOIFE.id);
    expect(await resultNames()).toEqual([AOIFE.name]);

    await staffSearch(page, "O'Brien");
    expect(await resultNames()).toEqual([AOIFE.name]);
    await staffSearch(page, 'smith');
    expect(await resultNames()).toEqual([TOM.name]);
    // Tom's phone is stored as 0623456789: found typed either way. Aminata's name has a curly apostrophe.
    await staffSearch(page, '+33 6 23 45 67 89');
    expect(await resultNames()).toEqual([TOM.name]);
    await staffSearch(page, '06 23 45 67 89');
    expect(await resultNames()).toEqual([TOM.name]);
    await staffSearch(page, "N'Diaye-Lefèvre");
    expect(await resultNames()).toHaveLength(1);

    await staffSearch(page, 'nobody@example.com');
    await expect(page.getByRole('status')).toHaveText('No customer matches this search.');
    await expect(results).toHaveCount(0);

    // An empty search says what to type instead of showing nothing.
    await staffSearch(page, '');
    await expect(page.locator('main').getByRole('alert')).toHaveText('Enter a customer id, a GM number, an email or a last name.');
    await expect(page.getByLabel('Customer id, GM number, email or last name')).toHaveAttribute('aria-invalid', 'true');
    await staffSearch(page, '   ');
    await expect(page.locator('main').getByRole('alert')).toHaveText('Enter a customer id, a GM number, an email or a last name.');
    await expect(results).toHaveCount(0);
  });

  test("the preview shows the customer's account read-only, with no form or action", async ({ page, sandbox }) => {
    await signInAsStaff(page);
    await staffSearch(page, TOM.email);
    const since = await sandbox.mark();
    await page.getByRole('link', { name: TOM.name }).click();
    await expect(page).toHaveURL(`/staff/customers/${TOM.id}`);

    await expect(page.getByTestId('preview-banner')).toHaveText('Preview of Tom Smith — read only');
    const expected: Record<string, string> = {
      'preview-email': 'tom@example.com',
      'preview-first_name': 'Tom',
      'preview-second_name': 'James',
      'preview-third_name': 'Edward',
      'preview-last_name': 'Smith',
      'preview-birth_city': 'Paris',
      'preview-phone-0': '06 23 45 67 89',
      'preview-address-city': 'Aix-en-Provence',
      'preview-address-zip_code': '75000',
      'preview-address-country': 'France',
      'gm-number': '123456789',
      'loyalty-status': 'Gold',
      'loyalty-previous-status': 'Silver',
      'loyalty-points': '1,200',
      'platinum-for-life': 'No',
    };
    for (const [testId, value] of Object.entries(expected)) {
      await expect.soft(page.getByTestId(testId), testId).toHaveText(value);
    }
    await expect(page.getByTestId('preview-fourth_name')).toHaveText('Not provided');

    const main = page.locator('main');
    await expect(main).toHaveCount(1);
    await expect(main.locator('form')).toHaveCount(0);
    await expect(main.locator('input, textarea, select, button[type="submit"], button:not([type])')).toHaveCount(0);
    await expect(main.locator('[contenteditable]')).toHaveCount(0);

    // One upstream GET of that customer, with the staff token; nothing written.
    const calls = await sandbox.requests(since);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.caller?.role}`)).toEqual([`GET /v2/customers/${TOM.id}/profile staff`]);
  });

  test('the audit trail lists previews newest first, and filters by customer id', async ({ page }) => {
    await signInAsStaff(page);
    await page.goto(`/staff/customers/${TOM.id}`);
    await expect(page.getByTestId('preview-banner')).toBeVisible();
    await page.goto(`/staff/customers/${AOIFE.id}`);
    await expect(page.getByTestId('preview-banner')).toHaveText(`Preview of ${AOIFE.name} — read only`);

    await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit trail' }).click();
    await expect(page).toHaveURL('/staff/audit');
    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
    const rows = await auditRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ staff: `${AGENT.name} (${AGENT.id})`, customer: AOIFE.id, action: 'Preview', outcome: 'Allowed' });
    expect(rows[1]).toMatchObject({ staff: `${AGENT.name} (${AGENT.id})`, customer: TOM.id, action: 'Preview', outcome: 'Allowed' });
    expect(rows[0]!.time).toMatch(/\d{1,2}:\d{2}:\d{2}/);

    await page.getByLabel('Customer id').fill(TOM.id);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(`/staff/audit?customerId=${TOM.id}`);
    const filtered = await auditRows(page);
    expect(filtered.length).toBeGreaterThanOrEqual(1);
    expect(new Set(filtered.map((row) => row.customer))).toEqual(new Set([TOM.id]));
    expect(filtered[0]).toMatchObject({ staff: `${AGENT.name} (${AGENT.id})`, action: 'Preview', outcome: 'Allowed' });

    // A customer nobody previewed has no records; a malformed id is explained, not searched.
    await page.getByLabel('Customer id').fill('456789123');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByRole('status')).toHaveText('No audit records for this customer.');
    await page.getByLabel('Customer id').fill('0123');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('main').getByRole('alert')).toContainText('A customer id is made of digits');
    await expect(page.getByTestId('audit-row')).toHaveCount(0);
  });

  test('a customer is refused every staff page, and no staff data is fetched for them', async ({ page, signIn, sandbox }) => {
    await signIn(page, TOM.email);
    await expect(page).toHaveURL('/account');
    const since = await sandbox.mark();
    for (const path of ['/staff', `/staff?q=${encodeURIComponent(AOIFE.email)}`, '/staff/audit', `/staff/customers/${TOM.id}`, `/staff/customers/${AOIFE.id}`]) {
      await page.goto(path);
      await expect(page, path).toHaveURL('/forbidden');
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.getByTestId('preview-banner')).toHaveCount(0);
      await expect(page.getByText(AOIFE.email)).toHaveCount(0);
    }
    // At most the customer's own profile is read (for the interface language); no search, no one else.
    expect(foreignCalls(await sandbox.requests(since))).toEqual([]);
  });

  test('staff at /account are sent to /staff and never see a profile form', async ({ page, sandbox }) => {
    await signInAsStaff(page);
    const since = await sandbox.mark();
    await page.goto('/account');
    await expect(page).toHaveURL('/staff');
    await expect(page.getByRole('heading', { name: 'Find a customer' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.locator('input[name="base"], #field-email, #field-first_name')).toHaveCount(0);
    expect(await sandbox.requests(since)).toEqual([]);
  });
});
