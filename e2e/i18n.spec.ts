/**
 * The profile in the customer's language (issue 5): the language is the switcher's choice, then the
 * profile's locale, then Accept-Language, then English; every editable field saves exactly its key.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Sandbox } from './fixtures';

const TOM = { id: '123456789', email: 'tom@example.com' } as const;
const AMINATA = { id: '345678912', email: 'aminata.ndiaye@example.fr' } as const;

/** A control by its label, which may end with "(optional)" / "(facultatif)". */
function labelled(page: Page, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}(?: \\((?:optional|facultatif)\\))?$`));
}

function field(page: Page, name: string) {
  return page.locator(`#field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`);
}

async function patchBodies(sandbox: Sandbox, since: number, customerId = TOM.id): Promise<Record<string, unknown>[]> {
  const requests = await sandbox.requests(since);
  return requests
    .filter((r) => r.method === 'PATCH' && r.path.includes(`/${customerId}/`))
    .map((r) => r.body as Record<string, unknown>);
}

// Other specs may pin English with a `locale` cookie: these tests start from no choice at all.
test.beforeEach(async ({ context }) => {
  await context.clearCookies({ name: 'locale' });
});

test('a French profile is shown in French; the switcher changes the language and remembers it', async ({ page, signIn }) => {
  // Tom's profile locale is fr-FR; the browser asks for en-US: the profile wins.
  await signIn(page, TOM.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Mon profil', exact: true })).toBeVisible();
  await expect(labelled(page, 'Prénom')).toHaveValue('Tom');
  await expect(labelled(page, 'Pays').locator('option:checked')).toHaveText('France');
  await expect(page.getByTestId('loyalty-points')).toHaveText(/^1\s200$/);
  await expect(page).toHaveTitle('Mon profil · Mon profil Club Med');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'My profile', exact: true })).toBeVisible();
  await expect(labelled(page, 'First name')).toHaveValue('Tom');
  await expect(page.getByTestId('loyalty-points')).toHaveText('1,200');
  await page.reload();
  await expect(labelled(page, 'First name')).toHaveValue('Tom');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Mon profil', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('an unsupported or malformed profile locale falls back to the browser language, shown as stored (L1, L2)', async ({ page, signIn, sandbox }) => {
  await sandbox.setCustomer(TOM.id, { locale: 'fr_FR' });
  await signIn(page, TOM.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('locale')).toHaveText('fr_FR');

  // The profile locale reaches the app as the ID token's `locale` claim: sign in again to see a change.
  await page.context().clearCookies();
  await sandbox.setCustomer(TOM.id, { locale: 'not a locale!!' });
  await signIn(page, TOM.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('locale')).toHaveText('not a locale!!');

  await page.context().clearCookies();
  await sandbox.setCustomer(TOM.id, { locale: 'pt-BR' });
  await page.setExtraHTTPHeaders({ 'accept-language': 'pt-BR,de;q=0.8,*' });
  await signIn(page, TOM.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await labelled(page, 'Second name').fill('Jacques');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#form-status')).toHaveText('Saved');
  // The stored locale is read-only and never rewritten.
  expect((await sandbox.customer(TOM.id)).locale).toBe('pt-BR');
});

test('in French: a save, then an invalid phone refused in French with every typed value kept', async ({ page, signIn, sandbox }) => {
  await signIn(page, TOM.email);
  await labelled(page, 'Deuxième prénom').fill('Jacques');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.locator('#form-status')).toHaveText('Enregistré');
  expect((await sandbox.customer(TOM.id)).second_name).toBe('Jacques');

  const since = await sandbox.mark();
  await labelled(page, 'Numéro du téléphone 1').fill('12');
  await labelled(page, 'Ville de naissance').fill('Lyon');
  await labelled(page, 'Date de naissance').fill('1985-02-11');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.locator('#form-status')).toContainText('Rien n’a été enregistré');
  await expect(page.locator('#form-status')).toContainText('Ce numéro de téléphone n’est pas possible');
  const phone = labelled(page, 'Numéro du téléphone 1');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await phone.getAttribute('aria-describedby')}`)).toContainText('Ce numéro de téléphone n’est pas possible');
  await expect(phone).toHaveValue('12');
  await expect(labelled(page, 'Ville de naissance')).toHaveValue('Lyon');
  await expect(labelled(page, 'Date de naissance')).toHaveValue('1985-02-11');
  expect(await patchBodies(sandbox, since)).toEqual([]);

  // A future birthdate is refused in French too.
  await phone.fill('06 23 45 67 89');
  await labelled(page, 'Date de naissance').fill('2999-01-01');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.locator('#form-status')).toContainText('La date ne peut pas être dans le futur.');
  expect(await patchBodies(sandbox, since)).toEqual([]);
});

test('every new field saved at once sends exactly those keys and is stored', async ({ page, signIn, sandbox }) => {
  // A double-byte market shows the "Names in your script" group; the UI stays English (ja unsupported).
  await sandbox.setCustomer(TOM.id, { locale: 'ja-JP' });
  await signIn(page, TOM.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('group', { name: 'Names in your script' })).toBeVisible();

  await expect(field(page, 'civility')).toHaveAttribute('autocomplete', 'honorific-prefix');
  await expect(field(page, 'birthdate')).toHaveAttribute('autocomplete', 'bday');
  await expect(field(page, 'birthdate')).toHaveAttribute('type', 'date');
  await expect(field(page, 'birth_country_code')).toHaveAttribute('autocomplete', 'off');
  await expect(field(page, 'birth_city')).toHaveAttribute('autocomplete', 'off');
  await expect(field(page, 'address.country_code')).toHaveAttribute('autocomplete', 'country');

  const since = await sandbox.mark();
  await labelled(page, 'Title').selectOption('MR');
  await labelled(page, 'Fourth name').fill('Arthur');
  await labelled(page, 'Family name, in your script').fill('スミス');
  await labelled(page, 'Birth date').fill('1985-02-11');
  await labelled(page, 'Birth country').selectOption('GB');
  await labelled(page, 'Preferred language').selectOption('EN');
  await labelled(page, 'Offers by email').check();
  await field(page, 'optins.EMAIL.partners').check();
  await labelled(page, 'Offers by text message (SMS)').check();
  await labelled(page, 'Club Med may use my personal data to personalise its offers').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#form-status')).toHaveText('Saved');

  const bodies = await patchBodies(sandbox, since);
  expect(bodies).toHaveLength(1);
  expect(Object.keys(bodies[0]!).sort()).toEqual([
    'birth_country_code',
    'birthdate',
    'civility',
    'fourth_name',
    'language_code',
    'optins',
    'personal_data_usage_allowed',
    'unicode_last_name',
  ]);
  const stored = await sandbox.customer(TOM.id);
  expect(stored).toMatchObject({
    civility: 'MR',
    fourth_name: 'Arthur',
    unicode_last_name: 'スミス',
    birthdate: '19850211',
    birth_country_code: 'GB',
    language_code: 'EN',
    personal_data_usage_allowed: true,
    locale: 'ja-JP',
  });
  expect(stored.optins).toEqual([
    { channel: 'EMAIL', optin: true, optin_partners: true },
    { channel: 'SMS', optin: true },
  ]);

  // The form shows the saved values; saving again sends nothing.
  await page.reload();
  await expect(labelled(page, 'Birth date')).toHaveValue('1985-02-11');
  await expect(labelled(page, 'Birth country').locator('option:checked')).toHaveText('United Kingdom');
  await expect(labelled(page, 'Preferred language').locator('option:checked')).toHaveText('English');
  await expect(labelled(page, 'Offers by email')).toBeChecked();
  await expect(labelled(page, 'Offers by phone call')).not.toBeChecked();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#form-status')).toContainText('Nothing to save');
});

test('one field alone: a birthdate sends only `birthdate`, as YYYYMMDD', async ({ page, signIn, sandbox }) => {
  await signIn(page, TOM.email);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'My profile', exact: true })).toBeVisible();
  await expect(labelled(page, 'Birth date')).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}$/);
  const since = await sandbox.mark();
  await labelled(page, 'Birth date').fill('1985-02-11');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#form-status')).toHaveText('Saved');
  expect(await patchBodies(sandbox, since)).toEqual([{ birthdate: '19850211' }]);
  expect((await sandbox.customer(TOM.id)).birthdate).toBe('19850211');

  // Cleared → null.
  const since2 = await sandbox.mark();
  await labelled(page, 'Birth date').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The status already says "Saved": wait for the PATCH itself.
  await expect.poll(() => patchBodies(sandbox, since2)).toEqual([{ birthdate: null }]);
  await expect(labelled(page, 'Birth date')).toHaveValue('');
});

test('the national identity is shown masked, in the interface language, never in full', async ({ page, signIn }) => {
  await signIn(page, AMINATA.email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('identity')).toHaveText('Carte d’identité •••••456');
  await expect(page.locator('input[name^="identity"]')).toHaveCount(0);
  expect(await page.content()).not.toContain('180578123456');
  // A stored partners' answer on another channel is shown, so it is never cleared by accident.
  await expect(field(page, 'optins.EMAIL.partners')).toBeVisible();
  await expect(labelled(page, 'Offres sur WhatsApp')).toBeChecked();
});
