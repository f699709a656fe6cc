import { describe, expect, it } from 'vitest';
import { applyPatch, countryLabel, isRealDate, isValidEmail, validatePatch } from './patch';
import { emptyAddress, emptyProfile } from './shape';

const errorsOf = (body: unknown) => {
  const result = validatePatch(body);
  return result.ok ? [] : result.errors.map((e) => [e.error_code, e.concerned_key]);
};

describe('validatePatch', () => {
  it('accepts editable keys and turns "" into null, keeping other values exactly', () => {
    const result = validatePatch({ first_name: '  Tom ', second_name: '', third_name: null, last_name: 'Null' });
    expect(result).toEqual({ ok: true, patch: { first_name: '  Tom ', second_name: null, third_name: null, last_name: 'Null' } });
  });

  it('reports one error per bad key, with the path', () => {
    expect(
      errorsOf({
        gm_number: '1',
        nickname: 'x',
        first_name: 1,
        last_name: 'x'.repeat(101),
        email: 'nope',
        birthdate: '19850230',
        phones: [{ number: '0623456789', type: 'CELL' }],
        address: { zip_code: 75001, planet: 'Earth' },
      }),
    ).toEqual([
      ['READ_ONLY_KEY', 'gm_number'],
      ['UNKNOWN_KEY', 'nickname'],
      ['INVALID_TYPE', 'first_name'],
      ['TOO_LONG', 'last_name'],
      ['INVALID_EMAIL', 'email'],
      ['INVALID_DATE', 'birthdate'],
      ['INVALID_PHONE_TYPE', 'phones.0.type'],
      ['INVALID_TYPE', 'address.zip_code'],
      ['UNKNOWN_KEY', 'address.planet'],
    ]);
  });

  it('rejects a body that is not an object', () => {
    for (const body of [null, [], 'x', 1, true]) expect(errorsOf(body)).toEqual([['INVALID_BODY', 'body']]);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(errorsOf({ last_name: '🌻'.repeat(100) })).toEqual([]);
    expect(errorsOf({ last_name: '🌻'.repeat(101) })).toEqual([['TOO_LONG', 'last_name']]);
    expect(errorsOf({ address: { city: 'é'.repeat(150) } })).toEqual([]);
    expect(errorsOf({ address: { number: '1'.repeat(51) } })).toEqual([['TOO_LONG', 'address.number']]);
  });

  it('validates phones, optins, identity, booleans and codes', () => {
    expect(errorsOf({ phones: [{ number: '', type: 'HOME' }, { number: 'abc', type: 'HOME', ext: '1' }] })).toEqual([
      ['REQUIRED', 'phones.0.number'],
      ['UNKNOWN_KEY', 'phones.1.ext'],
      ['INVALID_PHONE', 'phones.1.number'],
    ]);
    expect(errorsOf({ optins: [{ channel: 'EMAIL', optin: true, optin_partners: null }] })).toEqual([]);
    expect(errorsOf({ optins: [{ channel: 'email', optin: 1 }] })).toEqual([
      ['INVALID_CHANNEL', 'optins.0.channel'],
      ['INVALID_TYPE', 'optins.0.optin'],
    ]);
    expect(errorsOf({ identity: { number: '123', type: 'PASSPORT' }, personal_data_usage_allowed: false })).toEqual([]);
    expect(errorsOf({ personal_data_usage_allowed: 'true' })).toEqual([['INVALID_TYPE', 'personal_data_usage_allowed']]);
    expect(errorsOf({ birth_country_code: 'fr', language_code: 'FRA' })).toEqual([
      ['INVALID_COUNTRY_CODE', 'birth_country_code'],
      ['INVALID_LANGUAGE_CODE', 'language_code'],
    ]);
    expect(errorsOf({ birth_country_code: 'FR', language_code: 'fr' })).toEqual([]);
  });
});

describe('email, date helpers', () => {
  it.each(['m.durand@lab.univ-exemple.fr', 'paul@mail.dept.example.co.uk', "aoife.o'brien@example.ie", 'jean+fidelite@example.fr', 'a=b@example.com', 'elodie@bücher.example'])(
    'accepts %s',
    (email) => expect(isValidEmail(email)).toBe('ok'),
  );
  it.each(['plain', 'a@b', '.a@example.com', 'a..b@example.com', 'a@-example.com', 'a@example.com ', 'a@exam ple.com'])('rejects %j', (email) =>
    expect(isValidEmail(email)).toBe('INVALID_EMAIL'),
  );
  it('limits the local part to 64 and the whole to 254 bytes', () => {
    expect(isValidEmail(`${'a'.repeat(64)}@example.com`)).toBe('ok');
    expect(isValidEmail(`${'a'.repeat(65)}@example.com`)).toBe('LOCAL_PART_TOO_LONG');
    expect(isValidEmail(`a@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.fr`)).toBe('TOO_LONG');
  });
  it('knows real dates', () => {
    expect(isRealDate('20000229')).toBe(true);
    expect(isRealDate('19000229')).toBe(false);
    expect(isRealDate('19851301')).toBe(false);
    expect(isRealDate('1985021')).toBe(false);
  });
});

describe('applyPatch', () => {
  const stored = {
    ...emptyProfile(),
    first_name: 'Tom',
    phones: [{ number: '1', type: 'HOME' }],
    address: { ...emptyAddress(), city: 'Aix-en-Provence', zip_code: '75000', country_code: 'FR' },
  };

  it('replaces keys and arrays whole, leaves missing keys alone', () => {
    const next = applyPatch(stored, { phones: [{ number: '2', type: 'MOBILE' }], second_name: null }, 'fr-FR');
    expect(next).toMatchObject({ first_name: 'Tom', second_name: null, phones: [{ number: '2', type: 'MOBILE' }] });
  });

  it('merges address sub-keys, clears null ones, derives the country label', () => {
    const next = applyPatch(stored, { address: { zip_code: '13100', street: 'Cours Mirabeau' } }, 'fr-FR');
    expect(next.address).toMatchObject({ city: 'Aix-en-Provence', zip_code: '13100', street: 'Cours Mirabeau', country: null });
    const withCountry = applyPatch(next, { address: { street: null, country_code: 'FR' } }, 'en-GB');
    expect(withCountry.address).toMatchObject({ street: null, country: 'FRANCE', zip_code: '13100' });
    expect(applyPatch(stored, { address: null }, 'fr-FR').address).toBeNull();
  });

  it('creates an address when there was none', () => {
    const next = applyPatch({ ...stored, address: null }, { address: { city: 'Berlin', zip_code: '10115', country_code: 'DE' } }, 'fr-FR');
    expect(next.address).toEqual({ ...emptyAddress(), city: 'Berlin', zip_code: '10115', country_code: 'DE', country: 'ALLEMAGNE' });
  });

  it('labels countries in the request language', () => {
    expect(countryLabel('FR', 'fr-FR')).toBe('FRANCE');
    expect(countryLabel('DE', 'en-GB')).toBe('GERMANY');
    expect(countryLabel('RE', 'fr-FR')).toBe('LA RÉUNION');
  });
});
