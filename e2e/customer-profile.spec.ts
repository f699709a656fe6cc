/**
 * The customer profile slice, in a browser with JavaScript: sign-in, reading, and the save rules of
 * design.md ("Editing"), each test named after the cases.md entries it proves.
 */
import { expect, test } from './fixtures';
import {
  TOM,
  single,
  field,
  formStatus,
  formValues,
  openAccount,
  patchesOf,
  requestsOf,
  saveAndExpect,
  saveButton,
  signedInTest,
} from './support/customer';

const ADDRESS_SUB_KEYS = [
  'number',
  'street',
  'add_on',
  'additional_information_1',
  'additional_information_2',
  'town',
  'zip_code',
  'city',
  'state_or_district',
  'country_code',
];

test('signed out, /account goes through the sandbox sign-in and comes back showing the seeded profile', async ({ page, signIn }) => {
  await signIn(page, TOM.email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();

  await expect(page.getByTestId('gm-number')).toHaveText('123456789');
  await expect(page.getByTestId('loyalty-status')).toHaveText('Gold');
  await expect(page.getByTestId('loyalty-previous-status')).toHaveText('Silver');
  await expect(page.getByTestId('loyalty-points')).toHaveText('1,200');
  await expect(page.getByTestId('platinum-for-life')).toHaveText('No');
  await expect(page.getByTestId('locale')).toHaveText('fr-FR');

  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(TOM.email);
  await expect(page.getByLabel('First name')).toHaveValue('Tom');
  await expect(page.getByLabel('Second name')).toHaveValue('James');
  await expect(page.getByLabel('Third name')).toHaveValue('Edward');
  await expect(page.getByLabel('Fourth name')).toHaveValue('');
  await expect(page.getByLabel('Last name')).toHaveValue('Smith');
  await expect(page.getByLabel('Birth city')).toHaveValue('Paris');
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 23 45 67 89');
  await expect(page.getByLabel('Phone 1 type')).toHaveValue('MOBILE');
  await expect(page.getByLabel('Postcode')).toHaveValue('75000');
  await expect(field(page, 'address.city')).toHaveValue('Aix-en-Provence');
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue('FR');
  await expect(page.getByLabel('Country', { exact: true }).locator('option:checked')).toHaveText('France');
  // Read-only membership facts are text, not inputs (F5).
  await expect(page.locator('input[name="gm_number"], input[name="loyalty_program"]')).toHaveCount(0);
});

signedInTest.describe('signed in as Tom', () => {
  signedInTest.beforeEach(async ({ page }) => {
    await openAccount(page);
  });

  signedInTest('a change of second name and phone sends exactly those keys, once, and is shown after reload', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Second name').fill('Jacques');
    await page.getByLabel('Phone 1 number').fill('06 85 12 34 56');
    await saveAndExpect(page, 'Saved');
    // The form shows the saved server values.
    await expect(page.getByLabel('Second name')).toHaveValue('Jacques');
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 85 12 34 56');

    await page.reload();
    await expect(page.getByLabel('Second name')).toHaveValue('Jacques');
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 85 12 34 56');
    await expect(page.getByLabel('Phone 1 type')).toHaveValue('MOBILE');

    const patch = single(await patchesOf(sandbox, since));
    const body = patch.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['phones', 'second_name']);
    expect(body.second_name).toBe('Jacques');
    expect(body.phones).toEqual([{ number: expect.stringMatching(/^(\+33|0)685123456$/), type: 'MOBILE' }]);
    expect(patch.status).toBe(204);
    expect(patch.query).toBe('');

    const stored = await sandbox.customer(TOM.id);
    expect(stored.second_name).toBe('Jacques');
    expect(stored.phones).toEqual(body.phones);
    // Untouched keys are untouched.
    expect(stored).toMatchObject({ first_name: 'Tom', third_name: 'Edward', last_name: 'Smith', birth_city: 'Paris' });
  });

  signedInTest('D1: clearing the third name sends {third_name: null} and stores null', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Third name').fill('');
    await saveAndExpect(page, 'Saved');
    await expect(page.getByLabel('Third name')).toHaveValue('');

    const patch = single(await patchesOf(sandbox, since));
    expect(patch.body).toStrictEqual({ third_name: null });
    expect((await sandbox.customer(TOM.id)).third_name).toBeNull();
  });

  signedInTest('P1: the same phone in another spelling is not a change: "Nothing to save", no upstream call', async ({ page, sandbox }) => {
    for (const spelling of ['+33 6 23 45 67 89', '06.23.45.67.89', '0623456789']) {
      const since = await sandbox.mark();
      await page.getByLabel('Phone 1 number').fill(spelling);
      await saveAndExpect(page, 'Nothing to save');
      // The typed spelling stays in the field.
      await expect(page.getByLabel('Phone 1 number')).toHaveValue(spelling);
      expect(await patchesOf(sandbox, since), spelling).toHaveLength(0);
      // Design rule 5: an empty diff makes no upstream call at all.
      expect(await requestsOf(sandbox, since), spelling).toHaveLength(0);
    }
    expect((await sandbox.customer(TOM.id)).phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  signedInTest('A2: an unrecognised address is confirmed, "Keep" resends the very same address with force_address=true, the next save has no flag', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Postcode').fill('75001');
    await field(page, 'address.city').fill('Lyon');
    // Another change in the same save must survive the confirm step.
    await page.getByLabel('Second name').fill('Jacques');
    await saveButton(page).click();

    const panel = page.getByRole('alert').filter({ hasText: 'We could not verify this address' });
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('address-to-confirm')).toContainText('75001 Lyon');
    await expect(page.getByTestId('address-to-confirm')).toContainText('France');
    // Nothing written yet.
    expect((await sandbox.customer(TOM.id)).address).toMatchObject({ zip_code: '75000', city: 'Aix-en-Provence' });

    await saveAndExpect(page, 'Saved', page.getByRole('button', { name: 'Keep this address' }));
    await expect(formStatus(page)).toHaveText('Saved');
    await expect(panel).toBeHidden();
    await expect(page.getByLabel('Postcode')).toHaveValue('75001');
    await expect(field(page, 'address.city')).toHaveValue('Lyon');

    const patches = await patchesOf(sandbox, since);
    expect(patches.map((p) => [p.query, p.status])).toEqual([
      ['', 400],
      ['force_address=true', 204],
    ]);
    const [refused, forced] = patches.map((p) => p.body as { address: Record<string, unknown>; second_name: string }) as [
      { address: Record<string, unknown>; second_name: string },
      { address: Record<string, unknown>; second_name: string },
    ];
    expect(forced).toStrictEqual(refused);
    expect(Object.keys(forced).sort()).toEqual(['address', 'second_name']);
    expect(forced.second_name).toBe('Jacques');
    const address = forced.address;
    expect(Object.keys(address).sort()).toEqual([...ADDRESS_SUB_KEYS].sort());
    expect(address).toMatchObject({ city: 'Lyon', zip_code: '75001', country_code: 'FR' });

    const stored = await sandbox.customer(TOM.id);
    expect(stored.second_name).toBe('Jacques');
    expect(stored.address).toMatchObject({ city: 'Lyon', zip_code: '75001', country_code: 'FR' });

    // The flag was for that request only.
    const next = await sandbox.mark();
    await page.getByLabel('Birth city').fill('Marseille');
    await saveAndExpect(page, 'Saved');
    const after = single(await patchesOf(sandbox, next));
    expect(after.query).toBe('');
    expect(after.body).toStrictEqual({ birth_city: 'Marseille' });
  });

  signedInTest('A2: "Edit address" returns to the form with the typed values, nothing forced', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Postcode').fill('75001');
    await field(page, 'address.city').fill('Lyon');
    await page.getByLabel('Street', { exact: true }).fill('Rue de Rivoli');
    await saveButton(page).click();
    await expect(page.getByText('We could not verify this address')).toBeVisible();

    await page.getByRole('button', { name: 'Edit address' }).click();
    await expect(page.getByText('We could not verify this address')).toBeHidden();
    await expect(page.getByLabel('Postcode')).toHaveValue('75001');
    await expect(field(page, 'address.city')).toHaveValue('Lyon');
    await expect(page.getByLabel('Street', { exact: true })).toHaveValue('Rue de Rivoli');

    // A recognised correction then saves without any flag.
    await page.getByLabel('Postcode').fill('69001');
    await saveAndExpect(page, 'Saved');
    const patches = await patchesOf(sandbox, since);
    expect(patches.map((p) => [p.query, p.status])).toEqual([
      ['', 400],
      ['', 204],
    ]);
    expect((await sandbox.customer(TOM.id)).address).toMatchObject({ zip_code: '69001', city: 'Lyon', street: 'Rue de Rivoli', country_code: 'FR' });
  });

  signedInTest('F1: after a failed save every input keeps what was typed, the error is beside the field; after a good save inputs show the server values', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('First name').fill('  Thomas ');
    await page.getByLabel('Fourth name').fill('Henry');
    await page.getByLabel('Birth city').fill('Besançon');
    await page.getByLabel('Phone 1 number').fill('12');
    await page.getByLabel('Phone 1 type').selectOption('HOME');
    // A recognised address (the seed's 75000 is not), so the good save below needs no confirm step.
    await page.getByLabel('Street number').fill('3');
    await page.getByLabel('Street', { exact: true }).fill('Cours Mirabeau');
    await page.getByLabel('Postcode').fill('13100');
    const typed = await formValues(page);

    await saveAndExpect(page, 'Nothing was saved');
    const phone = page.getByLabel('Phone 1 number');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await phone.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = page.locator(`[id="${describedBy}"]`);
    await expect(message).toBeVisible();
    await expect(message).toContainText(/phone number/i);
    await expect(formStatus(page)).toHaveAttribute('role', 'alert');

    expect(await formValues(page)).toEqual(typed);
    // Only the phone is in error.
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
    expect(await patchesOf(sandbox, since)).toHaveLength(0);

    await phone.fill('0685123456');
    await saveAndExpect(page, 'Saved');
    // Server values: trimmed name, formatted phone.
    await expect(page.getByLabel('First name')).toHaveValue('Thomas');
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('06 85 12 34 56');
    await expect(page.getByLabel('Phone 1 type')).toHaveValue('HOME');
    await expect(page.getByLabel('Fourth name')).toHaveValue('Henry');
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    const patch = single(await patchesOf(sandbox, since));
    expect(Object.keys(patch.body as object).sort()).toEqual(['address', 'birth_city', 'first_name', 'fourth_name', 'phones']);
    expect(patch.body).toMatchObject({
      first_name: 'Thomas',
      fourth_name: 'Henry',
      birth_city: 'Besançon',
      phones: [{ number: expect.stringMatching(/^(\+33|0)685123456$/), type: 'HOME' }],
      address: { number: '3', street: 'Cours Mirabeau', zip_code: '13100', city: 'Aix-en-Provence', country_code: 'FR' },
    });
    await expect(page.getByLabel('Postcode')).toHaveValue('13100');
    await expect(page.getByLabel('Street', { exact: true })).toHaveValue('Cours Mirabeau');
  });

  signedInTest('F2: a double click on Save sends one PATCH; the button says "Saving…" and is disabled while pending', async ({ page, sandbox }) => {
    await sandbox.fault({ route: 'PATCH /v1/customers/:id/profile', times: 1, latencyMs: 1500 });
    const since = await sandbox.mark();
    await page.getByLabel('Second name').fill('Jacques');
    await saveButton(page).dblclick();
    const pending = page.getByRole('button', { name: 'Saving…' });
    await expect(pending).toBeVisible();
    await expect(pending).toBeDisabled();
    await expect(formStatus(page)).toHaveText('Saved');
    await expect(saveButton(page)).toBeEnabled();
    // Let any queued second submission finish before counting.
    await page.waitForTimeout(500);
    const patch = single(await patchesOf(sandbox, since));
    expect(patch.body).toStrictEqual({ second_name: 'Jacques' });
  });

  signedInTest('N1/N2/F4: N’Diaye, José-María and Besançon are stored exactly (NFC, no entities), reloaded, and an unchanged re-save is "Nothing to save"', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Last name').fill('N’Diaye');
    // Typed decomposed (e + U+0301): the app stores NFC.
    await page.getByLabel('First name').fill('José-María'.normalize('NFD'));
    await page.getByLabel('Birth city').fill('Besançon');
    await saveAndExpect(page, 'Saved');

    const stored = await sandbox.customer(TOM.id);
    expect(stored.last_name).toBe('N\u2019Diaye');
    expect(stored.first_name).toBe('José-María'.normalize('NFC'));
    expect(stored.birth_city).toBe('Besançon'.normalize('NFC'));
    const patch = single(await patchesOf(sandbox, since));
    expect(patch.body).toStrictEqual({
      first_name: 'José-María'.normalize('NFC'),
      last_name: 'N\u2019Diaye',
      birth_city: 'Besançon'.normalize('NFC'),
    });

    await page.reload();
    await expect(page.getByLabel('Last name')).toHaveValue('N’Diaye');
    await expect(page.getByLabel('First name')).toHaveValue('José-María');
    await expect(page.getByLabel('Birth city')).toHaveValue('Besançon');
    await expect(page.getByRole('heading', { name: 'My profile' }).locator('..')).toContainText('José-María N’Diaye');
    expect(await page.content()).not.toMatch(/&rsquo;|&#8217;|&#x2019;|Ã/);

    const again = await sandbox.mark();
    await saveAndExpect(page, 'Nothing to save');
    expect(await patchesOf(sandbox, again)).toHaveLength(0);
  });

  signedInTest('D5: a last name "Null" and a second name "undefined" are stored as text', async ({ page, sandbox }) => {
    await page.getByLabel('Last name').fill('Null');
    await page.getByLabel('Second name').fill('undefined');
    await saveAndExpect(page, 'Saved');
    const stored = await sandbox.customer(TOM.id);
    expect(stored.last_name).toBe('Null');
    expect(stored.second_name).toBe('undefined');
    await page.reload();
    await expect(page.getByLabel('Last name')).toHaveValue('Null');
    await expect(page.getByLabel('Second name')).toHaveValue('undefined');
  });

  signedInTest('A1: zip 01220 with Divonne-les-Bains keeps its leading zero end to end', async ({ page, sandbox }) => {
    const since = await sandbox.mark();
    await page.getByLabel('Postcode').fill('01220');
    await field(page, 'address.city').fill('Divonne-les-Bains');
    await saveAndExpect(page, 'Saved');
    const patch = single(await patchesOf(sandbox, since));
    expect(patch.query).toBe('');
    const address = (patch.body as { address: Record<string, unknown> }).address;
    expect(address.zip_code).toBe('01220');
    expect(address).toMatchObject({ city: 'Divonne-les-Bains', country_code: 'FR' });
    expect((await sandbox.customer(TOM.id)).address).toMatchObject({ zip_code: '01220', city: 'Divonne-les-Bains' });
    await page.reload();
    await expect(page.getByLabel('Postcode')).toHaveValue('01220');
  });

  signedInTest('P5: phones go whole — changing only phone 2’s type sends both phones in order; removing all sends phones: []', async ({ page, sandbox }) => {
    await page.getByRole('button', { name: 'Add a phone' }).click();
    await page.getByLabel('Phone 2 number').fill('01 45 67 89 12');
    await page.getByLabel('Phone 2 type').selectOption('HOME');
    await saveAndExpect(page, 'Saved');
    await expect(page.getByLabel('Phone 2 number')).toHaveValue('01 45 67 89 12');

    let since = await sandbox.mark();
    await page.getByLabel('Phone 2 type').selectOption('OFFICE');
    await saveAndExpect(page, 'Saved');
    let patch = single(await patchesOf(sandbox, since));
    expect(Object.keys(patch.body as object)).toEqual(['phones']);
    expect((patch.body as { phones: unknown }).phones).toEqual([
      { number: expect.stringMatching(/^(\+33|0)623456789$/), type: 'MOBILE' },
      { number: expect.stringMatching(/^(\+33|0)145678912$/), type: 'OFFICE' },
    ]);
    await expect(page.getByLabel('Phone 2 type')).toHaveValue('OFFICE');

    since = await sandbox.mark();
    await page.getByRole('button', { name: 'Remove phone 2' }).click();
    await page.getByRole('button', { name: 'Remove phone 1' }).click();
    await expect(page.getByLabel('Phone 1 number')).toHaveCount(0);
    await saveAndExpect(page, 'Saved');
    patch = single(await patchesOf(sandbox, since));
    expect(patch.body).toStrictEqual({ phones: [] });
    expect((await sandbox.customer(TOM.id)).phones).toEqual([]);
    await page.reload();
    await expect(page.getByText('No phone number yet.')).toBeVisible();
  });
});
