import { describe, expect, it } from 'vitest';
import { formFor, seedEditable } from './fixtures';
import { FORM_LIMITS, formValuesFromFormData, parseProfileForm, type ParseFormOptions } from './form';
import type { EditableProfile, FieldErrors } from './types';

const OPTIONS: ParseFormOptions = { defaultPhoneCountry: 'FR', today: '20250601' };

function submit(changes: Record<string, string | null>, base: EditableProfile = seedEditable(), options = OPTIONS) {
  return parseProfileForm(formFor(base, changes), base, options);
}

function submitted(changes: Record<string, string | null>, base: EditableProfile = seedEditable(), options = OPTIONS) {
  const result = submit(changes, base, options);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.fieldErrors)}`);
  return result.submitted;
}

function fieldErrors(changes: Record<string, string | null>, base: EditableProfile = seedEditable(), options = OPTIONS): FieldErrors {
  const result = submit(changes, base, options);
  if (result.ok) throw new Error('expected field errors');
  return result.fieldErrors;
}

function formData(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('parseProfileForm: the untouched form', () => {
  it('submitting the form as rendered gives the base back', () => {
    expect(submitted({})).toEqual(seedEditable());
  });

  it('D2: a text key absent from the post is untouched, never cleared', () => {
    const result = submitted({ second_name: null, email: null, 'address.city': null });
    expect(result.second_name).toBe('James');
    expect(result.email).toBe('tom@example.com');
    expect(result.address?.city).toBe('Aix-en-Provence');
  });

  it('D2: an empty post leaves everything as in the base', () => {
    const base = seedEditable();
    expect(parseProfileForm(new FormData(), base, OPTIONS)).toEqual({ ok: true, submitted: base });
  });

  it('does not mutate the base', () => {
    const base = seedEditable();
    submitted({ 'phones.0.number': '0700000000', 'address.city': 'Lyon', first_name: 'Thomas' }, base);
    expect(base).toEqual(seedEditable());
  });
});

describe('parseProfileForm: names', () => {
  it("N1: O'Brien and N’Diaye (U+2019) are kept exactly", () => {
    const result = submitted({ last_name: "O'Brien", first_name: 'N\u2019Diaye' });
    expect(result.last_name).toBe("O'Brien");
    expect(result.first_name).toBe('N\u2019Diaye');
  });

  it.each(['José-María', 'Lefèvre', 'Ngũgĩ', '李', 'Αθηνά', 'ليلى', 'မောင်မောင်'])('N2: %s is accepted as a name', (name) => {
    const result = submitted({ first_name: name, last_name: name, unicode_last_name: name });
    expect(result.first_name).toBe(name.normalize('NFC'));
    expect(result.last_name).toBe(name.normalize('NFC'));
  });

  it('N3: a one-character last name (李) and a first name A are accepted', () => {
    const result = submitted({ last_name: '李', first_name: 'A' });
    expect(result.last_name).toBe('李');
    expect(result.first_name).toBe('A');
  });

  it('N4: "  Aoife " and Aoife+NBSP are trimmed', () => {
    expect(submitted({ first_name: '  Aoife ' }).first_name).toBe('Aoife');
    expect(submitted({ first_name: 'Aoife\u00A0' }).first_name).toBe('Aoife');
  });

  it('N4: a spaces-only optional field is a clear (null), not an error', () => {
    const result = submitted({ second_name: '   ', birth_city: '\u00A0\u3000' });
    expect(result.second_name).toBeNull();
    expect(result.birth_city).toBeNull();
  });

  it('N5: Lou 🌻 and 𝐃𝐮𝐩𝐨𝐧𝐭 round-trip', () => {
    const result = submitted({ first_name: 'Lou 🌻', last_name: '𝐃𝐮𝐩𝐨𝐧𝐭' });
    expect(result.first_name).toBe('Lou 🌻');
    expect(result.last_name).toBe('𝐃𝐮𝐩𝐨𝐧𝐭');
  });

  it('N5: a 300-character name is a too_long error stating the limit, not truncated', () => {
    expect(fieldErrors({ last_name: 'a'.repeat(300) })).toEqual({ last_name: [{ code: 'too_long', params: { max: 100 } }] });
  });

  it('N5: length counts code points (100 astral characters fit, 101 do not)', () => {
    expect(submitted({ last_name: '𝐃'.repeat(100) }).last_name).toBe('𝐃'.repeat(100));
    expect(fieldErrors({ last_name: '𝐃'.repeat(101) })).toEqual({ last_name: [{ code: 'too_long', params: { max: 100 } }] });
  });

  it('D5: the last names Null and undefined are stored as text', () => {
    expect(submitted({ last_name: 'Null' }).last_name).toBe('Null');
    expect(submitted({ last_name: 'undefined' }).last_name).toBe('undefined');
  });

  it('F4: Zoë typed decomposed is stored composed (NFC)', () => {
    expect(submitted({ first_name: 'Zoe\u0308', birth_city: 'Besanc\u0327on' })).toMatchObject({
      first_name: 'Zoë',
      birth_city: 'Besançon',
    });
  });

  it('F3: a 2 MB last name is a too_long error, without an exception', () => {
    expect(fieldErrors({ last_name: 'x'.repeat(2 * 1024 * 1024) })).toEqual({
      last_name: [{ code: 'too_long', params: { max: FORM_LIMITS.text.last_name } }],
    });
  });

  it('clearing a required name or the email is refused', () => {
    expect(fieldErrors({ last_name: '', first_name: ' ', email: '' })).toEqual({
      last_name: [{ code: 'required' }],
      first_name: [{ code: 'required' }],
      email: [{ code: 'required' }],
    });
  });

  it('D2: a required key already empty in the base may stay empty', () => {
    const base = seedEditable({ first_name: null, email: null });
    expect(submitted({ first_name: '', email: '' }, base)).toEqual(base);
  });
});

describe('parseProfileForm: email', () => {
  it.each([
    'm.durand@lab.univ-exemple.fr',
    'paul@mail.dept.example.co.uk',
    "aoife.o'brien@example.ie",
    'jean+fidelite@example.fr',
    'a=b@example.com',
    'x@xn--bcher-kva.example',
  ])('E1: %s is accepted as typed', (email) => {
    expect(submitted({ email }).email).toBe(email);
  });

  it('E2: leading/trailing spaces and a trailing newline are trimmed before validation', () => {
    expect(submitted({ email: '  tom.smith@example.com \r\n' }).email).toBe('tom.smith@example.com');
  });

  it('E2: zero-width characters at the edges are dropped', () => {
    expect(submitted({ email: '\u200Btom.smith@example.com\uFEFF\u200D' }).email).toBe('tom.smith@example.com');
  });

  it('E2: a zero-width character inside is refused, so it never reaches the API', () => {
    expect(fieldErrors({ email: 'tom\u200B@example.com' })).toEqual({ email: [{ code: 'invalid_email' }] });
  });

  it('E3: a local part over 64 characters is email_local_too_long', () => {
    expect(submitted({ email: `${'a'.repeat(64)}@example.com` }).email).toBe(`${'a'.repeat(64)}@example.com`);
    expect(fieldErrors({ email: `${'a'.repeat(65)}@example.com` })).toEqual({
      email: [{ code: 'email_local_too_long', params: { max: 64 } }],
    });
  });

  it('E3: an address over 254 characters is too_long with its limit', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(57)}.fr`;
    const fits = `${'a'.repeat(10)}@${domain}`;
    expect(fits).toHaveLength(254);
    expect(submitted({ email: fits }).email).toBe(fits);
    expect(fieldErrors({ email: `a${fits}` })).toEqual({ email: [{ code: 'too_long', params: { max: 254 } }] });
  });

  it('E4: an internationalised domain is accepted as typed, in NFC', () => {
    expect(submitted({ email: 'elodie@bücher.example' }).email).toBe('elodie@bücher.example');
    expect(submitted({ email: 'elodie@bu\u0308cher.example' }).email).toBe('elodie@bücher.example');
  });

  it.each(['tom', 'tom@', '@example.com', 'tom@example', 'to m@example.com', 'tom@example..com', 'tom@-example.com', 'tom@example.123', 'tom..smith@example.com', '.tom@example.com', 'tom@@example.com', '"tom"@example.com', 'tom@exa_mple.com'])(
    'refuses %s with invalid_email',
    (email) => {
      expect(fieldErrors({ email })).toEqual({ email: [{ code: 'invalid_email' }] });
    },
  );
});

describe('parseProfileForm: other text fields', () => {
  it('stores the birthdate from <input type=date> as YYYYMMDD', () => {
    expect(submitted({ birthdate: '1985-02-11' }).birthdate).toBe('19850211');
    expect(submitted({ birthdate: '19850211' }).birthdate).toBe('19850211');
  });

  it('accepts 29 February only in leap years', () => {
    expect(submitted({ birthdate: '2000-02-29' }).birthdate).toBe('20000229');
    expect(submitted({ birthdate: '2024-02-29' }).birthdate).toBe('20240229');
    expect(fieldErrors({ birthdate: '1900-02-29' })).toEqual({ birthdate: [{ code: 'invalid_date' }] });
    expect(fieldErrors({ birthdate: '2023-02-29' })).toEqual({ birthdate: [{ code: 'invalid_date' }] });
  });

  it.each(['1985-13-01', '1985-04-31', '1985-00-10', '85-02-11', 'yesterday', '1899-12-31', '1985-2-11'])('refuses %s with invalid_date', (birthdate) => {
    expect(fieldErrors({ birthdate })).toEqual({ birthdate: [{ code: 'invalid_date' }] });
  });

  it('refuses a birthdate after today with future_date; today itself is fine', () => {
    expect(fieldErrors({ birthdate: '2025-06-02' })).toEqual({ birthdate: [{ code: 'future_date' }] });
    expect(submitted({ birthdate: '2025-06-01' }).birthdate).toBe('20250601');
  });

  it('a cleared birthdate is null', () => {
    expect(submitted({ birthdate: '' }, seedEditable({ birthdate: '19850211' })).birthdate).toBeNull();
  });

  it('upper-cases language and birth country codes and checks them', () => {
    expect(submitted({ language_code: 'fr', birth_country_code: 'gb' })).toMatchObject({ language_code: 'FR', birth_country_code: 'GB' });
    expect(fieldErrors({ language_code: '1x', birth_country_code: 'XX' })).toEqual({
      language_code: [{ code: 'invalid_language' }],
      birth_country_code: [{ code: 'invalid_country' }],
    });
    expect(fieldErrors({ language_code: 'fra' })).toEqual({ language_code: [{ code: 'too_long', params: { max: 2 } }] });
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(fieldErrors({ email: 'x', last_name: 'a'.repeat(101), 'phones.0.number': '12', 'address.country_code': 'ZZ' })).sort()).toEqual([
      'address.country_code',
      'email',
      'last_name',
      'phones.0.number',
    ]);
  });
});

describe('parseProfileForm: tampering', () => {
  it('D3: gm_number, loyalty_program, customer_id, identity and $ACTION_ fields never reach the result', () => {
    const base = seedEditable();
    const form = formFor(base, {
      gm_number: '999',
      loyalty_program: '{"status":"PLATINUM"}',
      'loyalty_program.status': 'PLATINUM',
      customer_id: '1',
      identity: 'X',
      locale: 'en-US',
      $ACTION_ID_abc: '',
      constructor: 'x',
      toString: 'x',
      'address.country': 'ATLANTIS',
      'address.present2': '1',
    });
    const result = parseProfileForm(form, base, OPTIONS);
    expect(result).toEqual({ ok: true, submitted: base });
    expect(Object.keys(result.ok ? result.submitted : {}).sort()).toEqual(Object.keys(base).sort());
  });

  it('ignores files posted under a text key', () => {
    const base = seedEditable();
    const form = formFor(base, { last_name: null });
    form.append('last_name', new Blob(['Evil']), 'evil.txt');
    expect(parseProfileForm(form, base, OPTIONS)).toEqual({ ok: true, submitted: base });
  });
});

describe('parseProfileForm: phones', () => {
  const twoPhones = () =>
    seedEditable({
      phones: [
        { number: '0623456789', type: 'MOBILE' },
        { number: '+33145678901', type: 'HOME' },
      ],
    });

  it.each(['06 23 45 67 89', '06.23.45.67.89', '+33 6 23 45 67 89'])('P1: %s for stored 0623456789 keeps the stored spelling', (number) => {
    expect(submitted({ 'phones.0.number': number }).phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  it('P1: reordered phones keep their stored spellings', () => {
    const result = submitted(
      { 'phones.0.number': '01 45 67 89 01', 'phones.0.type': 'HOME', 'phones.1.number': '06 23 45 67 89', 'phones.1.type': 'MOBILE' },
      twoPhones(),
    );
    expect(result.phones).toEqual([
      { number: '+33145678901', type: 'HOME' },
      { number: '0623456789', type: 'MOBILE' },
    ]);
  });

  it('stores a new or changed number as E.164', () => {
    expect(submitted({ 'phones.0.number': '06 85 12 34 56' }).phones).toEqual([{ number: '+33685123456', type: 'MOBILE' }]);
    expect(submitted({ 'phones.1.number': '+44 20 7946 0958', 'phones.1.type': 'office' }).phones).toEqual([
      { number: '0623456789', type: 'MOBILE' },
      { number: '+442079460958', type: 'OFFICE' },
    ]);
  });

  it('P2: a national number is read with the default country given in the options', () => {
    expect(submitted({ 'phones.0.number': '0685123456' }).phones[0]?.number).toBe('+33685123456');
    expect(submitted({ 'phones.0.number': '0692123456' }, seedEditable(), { ...OPTIONS, defaultPhoneCountry: 'RE' }).phones[0]?.number).toBe(
      '+262692123456',
    );
  });

  it('P3: an extension is a phone_extension error on that row', () => {
    expect(fieldErrors({ 'phones.0.number': '01 23 45 67 89 poste 12' })).toEqual({ 'phones.0.number': [{ code: 'phone_extension' }] });
    expect(fieldErrors({ 'phones.0.number': '0123456789 x12' })).toEqual({ 'phones.0.number': [{ code: 'phone_extension' }] });
  });

  it('P3: letters are never turned into digits', () => {
    expect(fieldErrors({ 'phones.0.number': '0800-FLOWERS' })).toEqual({ 'phones.0.number': [{ code: 'invalid_phone' }] });
  });

  it('P4: the same number twice after normalisation is duplicate_phone on the later row', () => {
    expect(fieldErrors({ 'phones.1.number': '+33 6 23 45 67 89', 'phones.1.type': 'HOME' })).toEqual({
      'phones.1.number': [{ code: 'duplicate_phone' }],
    });
    expect(fieldErrors({ 'phones.0.number': '0685123456', 'phones.1.number': '06 85 12 34 56', 'phones.1.type': 'HOME' })).toEqual({
      'phones.1.number': [{ code: 'duplicate_phone' }],
    });
  });

  it('P6: an impossible number is invalid_phone; a possible unknown range passes', () => {
    expect(fieldErrors({ 'phones.0.number': '06 12 34' })).toEqual({ 'phones.0.number': [{ code: 'invalid_phone' }] });
    expect(submitted({ 'phones.0.number': '09 99 99 99 99' }).phones[0]?.number).toBe('+33999999999');
  });

  it('an unknown type is invalid_phone_type', () => {
    expect(fieldErrors({ 'phones.0.type': 'PAGER' })).toEqual({ 'phones.0.type': [{ code: 'invalid_phone_type' }] });
    expect(fieldErrors({ 'phones.0.type': '' })).toEqual({ 'phones.0.type': [{ code: 'invalid_phone_type' }] });
  });

  it('a stored legacy type (FAX) and a stored unparseable number are kept when untouched', () => {
    const base = seedEditable({ phones: [{ number: '12-34', type: 'FAX' }] });
    expect(submitted({}, base).phones).toEqual([{ number: '12-34', type: 'FAX' }]);
    expect(fieldErrors({ 'phones.0.number': '0623456789' }, base)).toEqual({ 'phones.0.type': [{ code: 'invalid_phone_type' }] });
  });

  it('a row with an empty number is dropped (an empty row in the UI)', () => {
    expect(submitted({ 'phones.1.number': '', 'phones.1.type': 'MOBILE' }).phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
    expect(submitted({ 'phones.1.number': '  ' }).phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  it('rows are read in index order, whatever the post order', () => {
    const base = seedEditable();
    const form = formData([
      ['phones.present', '1'],
      ['phones.2.number', '0145678901'],
      ['phones.2.type', 'HOME'],
      ['phones.0.type', 'MOBILE'],
      ['phones.0.number', '0623456789'],
    ]);
    expect(parseProfileForm(form, base, OPTIONS)).toEqual({
      ok: true,
      submitted: { ...base, phones: [{ number: '0623456789', type: 'MOBILE' }, { number: '+33145678901', type: 'HOME' }] },
    });
  });

  it('P5: with the marker and no rows, all phones are deleted', () => {
    expect(submitted({ 'phones.0.number': null, 'phones.0.type': null }).phones).toEqual([]);
  });

  it('without the phones marker, phones are untouched', () => {
    expect(submitted({ 'phones.present': null, 'phones.0.number': '0700000000' }).phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  it(`more than ${FORM_LIMITS.phones} phones is too_many on phones`, () => {
    const rows: Record<string, string> = {};
    for (let i = 0; i <= FORM_LIMITS.phones; i++) {
      rows[`phones.${i}.number`] = `06000000${String(i).padStart(2, '0')}`;
      rows[`phones.${i}.type`] = 'MOBILE';
    }
    expect(fieldErrors(rows)).toEqual({ phones: [{ code: 'too_many', params: { max: FORM_LIMITS.phones } }] });
  });

  it('F3: 10,000 phones is a too_many error, quickly and without an exception', () => {
    const entries: Array<[string, string]> = [['phones.present', '1']];
    for (let i = 0; i < 10_000; i++) entries.push([`phones.${i}.number`, `+3361${String(i).padStart(7, '0')}`], [`phones.${i}.type`, 'MOBILE']);
    const started = performance.now();
    const result = parseProfileForm(formData(entries), seedEditable(), OPTIONS);
    expect(result).toEqual({ ok: false, fieldErrors: { phones: [{ code: 'too_many', params: { max: FORM_LIMITS.phones } }] } });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('F3: a huge phone number is an error, not an exception', () => {
    expect(fieldErrors({ 'phones.0.number': '1'.repeat(2_000_000) })).toEqual({
      'phones.0.number': [{ code: 'too_long', params: { max: FORM_LIMITS.phoneNumber } }],
    });
  });
});

describe('parseProfileForm: address', () => {
  it('A1: zip codes with leading zeros stay strings', () => {
    expect(submitted({ 'address.zip_code': '01220', 'address.city': 'Divonne-les-Bains' }).address).toMatchObject({ zip_code: '01220' });
    expect(submitted({ 'address.zip_code': ' 06000 ' }).address?.zip_code).toBe('06000');
  });

  it('A1: an emptied zip is null, never 0', () => {
    expect(submitted({ 'address.zip_code': '' }).address?.zip_code).toBeNull();
  });

  it('a sub-key absent from the post keeps its base value', () => {
    expect(submitted({ 'address.city': null, 'address.zip_code': '13090' }).address).toMatchObject({
      city: 'Aix-en-Provence',
      zip_code: '13090',
      country_code: 'FR',
    });
  });

  it('all sub-keys empty → no address (null)', () => {
    expect(submitted({ 'address.city': '', 'address.zip_code': ' ', 'address.country_code': '' }).address).toBeNull();
  });

  it('a new address is built from an empty base', () => {
    expect(submitted({ 'address.street': 'Rue de la Paix', 'address.country_code': 'fr' }, seedEditable({ address: null })).address).toEqual({
      number: null,
      street: 'Rue de la Paix',
      add_on: null,
      town: null,
      city: null,
      zip_code: null,
      state_or_district: null,
      country: null,
      country_code: 'FR',
      additional_information_1: null,
      additional_information_2: null,
    });
  });

  it('upper-cases the country code and refuses an unknown one', () => {
    expect(submitted({ 'address.country_code': 'be' }).address?.country_code).toBe('BE');
    expect(fieldErrors({ 'address.country_code': 'ZZ' })).toEqual({ 'address.country_code': [{ code: 'invalid_country' }] });
    expect(fieldErrors({ 'address.country_code': 'FRA' })).toEqual({ 'address.country_code': [{ code: 'too_long', params: { max: 2 } }] });
  });

  it('keeps the country label while the code is unchanged, and drops it when the code changes', () => {
    const base = seedEditable({ address: { ...seedEditable().address!, country: 'FRANCE' } });
    expect(submitted({ 'address.city': 'Lyon' }, base).address?.country).toBe('FRANCE');
    expect(submitted({ 'address.country_code': 'BE' }, base).address?.country).toBeNull();
  });

  it('a too-long street is too_long with the contract limit', () => {
    expect(fieldErrors({ 'address.street': 's'.repeat(101) })).toEqual({ 'address.street': [{ code: 'too_long', params: { max: 100 } }] });
  });

  it('without the address marker, the address is untouched', () => {
    expect(submitted({ 'address.present': null, 'address.city': 'Lyon' }).address).toEqual(seedEditable().address);
  });
});

describe('parseProfileForm: optins and consent', () => {
  const base = () =>
    seedEditable({
      optins: [
        { channel: 'EMAIL', optin: true, optin_partners: true },
        { channel: 'SMS', optin: false },
        { channel: 'MAIL', optin: true },
      ],
    });

  it('updates the channels shown; unchecked boxes are known from optins.channels', () => {
    const form = formFor(base(), {});
    form.append('optins.present', '1');
    for (const channel of ['EMAIL', 'SMS', 'WHATSAPP']) form.append('optins.channels', channel);
    form.append('optins.SMS', 'on');
    form.append('optins.WHATSAPP', 'on');
    form.append('optins.WHATSAPP.partners', 'on');
    const result = parseProfileForm(form, base(), OPTIONS);
    expect(result.ok && result.submitted.optins).toEqual([
      { channel: 'EMAIL', optin: false, optin_partners: false },
      { channel: 'SMS', optin: true },
      { channel: 'MAIL', optin: true },
      { channel: 'WHATSAPP', optin: true, optin_partners: true },
    ]);
  });

  it('an unchecked new channel is not added; without the marker optins are untouched', () => {
    const form = formFor(base(), { 'optins.channels': 'PHONE' });
    expect(parseProfileForm(form, base(), OPTIONS)).toEqual({ ok: true, submitted: base() });
    form.append('optins.present', '1');
    expect(parseProfileForm(form, base(), OPTIONS)).toEqual({ ok: true, submitted: base() });
  });

  it('personal_data_usage_allowed: checked → true, unchecked → false only when it was true', () => {
    const yes = { 'personal_data_usage_allowed.present': '1', personal_data_usage_allowed: 'on' };
    const no = { 'personal_data_usage_allowed.present': '1' };
    expect(submitted(yes).personal_data_usage_allowed).toBe(true);
    expect(submitted(no).personal_data_usage_allowed).toBeNull();
    expect(submitted(no, seedEditable({ personal_data_usage_allowed: true })).personal_data_usage_allowed).toBe(false);
    expect(submitted({ personal_data_usage_allowed: 'on' }).personal_data_usage_allowed).toBeNull();
  });
});

describe('formValuesFromFormData', () => {
  it('F1: echoes what the user typed, exactly, for allow-listed fields only', () => {
    const form = formData([
      ['email', ' tom@example.com '],
      ['phones.present', '1'],
      ['phones.0.number', '06 23 45 67 8X'],
      ['phones.0.type', 'MOBILE'],
      ['address.zip_code', '01220'],
      ['optins.present', '1'],
      ['optins.channels', 'EMAIL'],
      ['optins.EMAIL', 'on'],
      ['personal_data_usage_allowed', 'on'],
      ['gm_number', '999'],
      ['$ACTION_ID_x', ''],
      ['address.country', 'ATLANTIS'],
      ['base', '{}'],
    ]);
    expect(formValuesFromFormData(form)).toEqual({
      email: ' tom@example.com ',
      'phones.present': '1',
      'phones.0.number': '06 23 45 67 8X',
      'phones.0.type': 'MOBILE',
      'address.zip_code': '01220',
      'optins.present': '1',
      'optins.EMAIL': 'on',
      personal_data_usage_allowed: 'on',
    });
  });

  it('F3: bounds what it echoes from an oversized post', () => {
    const entries: Array<[string, string]> = [['last_name', '🌻'.repeat(1_000_000)]];
    for (let i = 0; i < 10_000; i++) entries.push([`phones.${i}.number`, '0']);
    const values = formValuesFromFormData(formData(entries));
    expect(values.last_name).toBe('🌻'.repeat(FORM_LIMITS.echoValue));
    expect(Object.keys(values)).toHaveLength(FORM_LIMITS.echoFields);
  });
});
