/**
 * Design rule 9: the profile form works with JavaScript disabled (plain form post to the server
 * action). Runs in the `no-js` project only.
 */
import { expect, test } from './fixtures';
import { TOM, single, field, formStatus, formValues, openAccount, patchesOf, saveAndExpect, signedInTest } from './support/customer';

test('without JavaScript: sign in, save second name and phone with a full-page post, "Saved"', async ({ page, signIn, sandbox }) => {
  await signIn(page, TOM.email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 23 45 67 89');
  // No "Add a phone" button without JavaScript: a blank extra row instead.
  await expect(page.getByRole('button', { name: 'Add a phone' })).toHaveCount(0);
  await expect(page.getByLabel('Phone 2 number')).toHaveValue('');

  const since = await sandbox.mark();
  await page.getByLabel('Second name').fill('Jacques');
  await page.getByLabel('Phone 1 number').fill('06 85 12 34 56');
  await saveAndExpect(page, 'Saved');
  await expect(page.getByLabel('Second name')).toHaveValue('Jacques');
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 85 12 34 56');

  const patch = single(await patchesOf(sandbox, since));
  const body = patch.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['phones', 'second_name']);
  // The blank extra row is not a phone.
  expect(body.phones).toEqual([{ number: expect.stringMatching(/^(\+33|0)685123456$/), type: 'MOBILE' }]);
  const stored = await sandbox.customer(TOM.id);
  expect(stored.second_name).toBe('Jacques');
  expect(stored.phones).toEqual(body.phones);

  await page.reload();
  await expect(page.getByLabel('Second name')).toHaveValue('Jacques');
});

signedInTest.describe('without JavaScript, signed in as Tom', () => {
  signedInTest.beforeEach(async ({ page }) => {
    await openAccount(page);
  });

  signedInTest('F1: an invalid phone keeps every typed value, with the error beside the field; nothing is sent', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('First name').fill('Thomas');
    await page.getByLabel('Birth city').fill('Besançon');
    await page.getByLabel('Phone 1 number').fill('12');
    await page.getByLabel('Phone 2 number').fill('01 45 67 89 12');
    await page.getByLabel('Phone 2 type').selectOption('HOME');
    const typed = await formValues(page);

    await saveAndExpect(page, 'Nothing was saved');
    const phone = page.getByLabel('Phone 1 number');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await phone.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy}"]`)).toContainText(/phone number/i);

    // Every typed value is back (the server-rendered page adds one more blank phone row).
    const after = await formValues(page);
    expect(after).toMatchObject(typed);
    expect(Object.keys(after).filter((name) => !(name in typed))).toEqual(
      Object.keys(after).filter((name) => /^phones\.2\./.test(name)),
    );
    expect(await patchesOf(sandbox, since)).toHaveLength(0);
  });

  signedInTest('A2: the unrecognised-address confirm step works without JavaScript ("Edit", then "Keep")', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Postcode').fill('75001');
    await field(page, 'address.city').fill('Lyon');
    await page.getByLabel('Second name').fill('Jacques');
    await saveAndExpect(page, '');
    await expect(page.getByRole('heading', { name: 'We could not verify this address' })).toBeVisible();
    await expect(page.getByTestId('address-to-confirm')).toContainText('75001 Lyon');

    await saveAndExpect(page, '', page.getByRole('button', { name: 'Edit address' }));
    await expect(page.getByRole('heading', { name: 'We could not verify this address' })).toHaveCount(0);
    await expect(page.getByLabel('Postcode')).toHaveValue('75001');
    await expect(field(page, 'address.city')).toHaveValue('Lyon');
    await expect(page.getByLabel('Second name')).toHaveValue('Jacques');

    await saveAndExpect(page, '');
    await expect(page.getByRole('heading', { name: 'We could not verify this address' })).toBeVisible();
    await saveAndExpect(page, 'Saved', page.getByRole('button', { name: 'Keep this address' }));
    await expect(formStatus(page)).toHaveText('Saved');
    await expect(page.getByLabel('Postcode')).toHaveValue('75001');

    const patches = await patchesOf(sandbox, since);
    expect(patches.map((p) => [p.query, p.status])).toEqual([
      ['', 400],
      ['', 400],
      ['force_address=true', 204],
    ]);
    const [, refused, forced] = patches.map((p) => p.body) as [unknown, unknown, { address: Record<string, unknown>; second_name: string }];
    expect(forced).toStrictEqual(refused);
    expect(forced.second_name).toBe('Jacques');
    expect(forced.address).toMatchObject({ city: 'Lyon', zip_code: '75001', country_code: 'FR' });
    expect((await sandbox.customer(TOM.id)).address).toMatchObject({ city: 'Lyon', zip_code: '75001', country_code: 'FR' });
  });
});
