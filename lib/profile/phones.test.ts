import { describe, expect, it } from 'vitest';
import { defaultPhoneCountry, formatPhoneForDisplay, parsePhone, samePhoneNumber } from './phones';

describe('parsePhone', () => {
  it.each(['06 23 45 67 89', '06.23.45.67.89', '+33 6 23 45 67 89', '0623456789', '06-23-45-67-89', '0033 6 23 45 67 89', '+33 (0)6 23 45 67 89'])(
    'P1: %s is +33623456789 with FR as default',
    (input) => {
      expect(parsePhone(input, 'FR')).toEqual({ ok: true, e164: '+33623456789', country: 'FR' });
    },
  );

  it('P2: 0685123456 with FR as default is a French mobile', () => {
    expect(parsePhone('0685123456', 'FR')).toEqual({ ok: true, e164: '+33685123456', country: 'FR' });
  });

  it('P2: the default country is required (a type error), and without one a national number is not guessed', () => {
    // @ts-expect-error: parsePhone cannot be called without a default country
    expect(parsePhone('0685123456')).toEqual({ ok: false, code: 'invalid_phone' });
  });

  it('P2: the same digits read with another default country give another number', () => {
    const result = parsePhone('0685123456', 'WS');
    expect(result.ok && result.e164).not.toBe('+33685123456');
  });

  it('P2: overseas departments are their own region (0262 with RE is Réunion)', () => {
    expect(parsePhone('0262 12 34 56', 'RE')).toEqual({ ok: true, e164: '+262262123456', country: 'RE' });
  });

  it('reads full-width digits', () => {
    expect(parsePhone('０６２３４５６７８９', 'FR')).toMatchObject({ ok: true, e164: '+33623456789' });
  });

  it.each(['01 23 45 67 89 poste 12', '0123456789 x12', '0123456789x12', '01 23 45 67 89 ext. 12', '0123456789 extension 12', '0123456789#12', '0123456789 # 12', '+33123456789;ext=12', '0123456789 Poste: 12'])(
    'P3: an extension (%s) is refused with phone_extension',
    (input) => {
      expect(parsePhone(input, 'FR')).toEqual({ ok: false, code: 'phone_extension' });
    },
  );

  it.each(['0800-FLOWERS', '1-800-FLOWERS', 'abc 0623456789', 'tel:+33623456789', '06 23 45 67 8O', '06 23 45 67 89 Tom', '+33 6 23 45 +67 89', '', '   '])(
    'P3: letters are never read as digits and junk is refused (%j)',
    (input) => {
      expect(parsePhone(input, 'FR')).toEqual({ ok: false, code: 'invalid_phone' });
    },
  );

  it.each(['061234', '06 23 45 67 89 00', '+33 6', '0'])('P6: an impossible length (%s) is refused', (input) => {
    expect(parsePhone(input, 'FR')).toEqual({ ok: false, code: 'invalid_phone' });
  });

  it('P6: a possible number in a range the metadata may not know is accepted', () => {
    // +33 9 numbers are assigned by block; only the length is checked here.
    expect(parsePhone('09 99 99 99 99', 'FR')).toMatchObject({ ok: true, e164: '+33999999999' });
    expect(parsePhone('+44 7400 000000', 'FR')).toMatchObject({ ok: true, e164: '+447400000000' });
  });

  it('a non-geographic number has no country', () => {
    expect(parsePhone('+800 1234 5678', 'FR')).toEqual({ ok: true, e164: '+80012345678', country: undefined });
  });

  it('F3: an oversized input is refused without parsing', () => {
    expect(parsePhone('0'.repeat(2_000_000), 'FR')).toEqual({ ok: false, code: 'invalid_phone' });
  });
});

describe('samePhoneNumber', () => {
  it('P1: 06 23 45 67 89 and +33623456789 are the same number for FR', () => {
    expect(samePhoneNumber('0623456789', '06 23 45 67 89', 'FR')).toBe(true);
    expect(samePhoneNumber('0623456789', '+33 6 23 45 67 89', 'FR')).toBe(true);
  });

  it('different numbers differ', () => {
    expect(samePhoneNumber('0623456789', '0623456780', 'FR')).toBe(false);
  });

  it('the default country decides what a national number means', () => {
    expect(samePhoneNumber('0262123456', '+262262123456', 'RE')).toBe(true);
    expect(samePhoneNumber('0262123456', '+262262123456', 'FR')).toBe(false);
  });

  it('falls back to comparing digits when a side does not parse', () => {
    expect(samePhoneNumber('12-34', '1234', 'FR')).toBe(true);
    expect(samePhoneNumber('12-34', '1235', 'FR')).toBe(false);
    expect(samePhoneNumber('+12', '12', 'FR')).toBe(false);
  });
});

describe('defaultPhoneCountry', () => {
  it("uses the address's country when it is a phone region", () => {
    expect(defaultPhoneCountry({ country_code: 'BE' }, 'fr-FR')).toBe('BE');
    expect(defaultPhoneCountry({ country_code: 're' }, 'fr-FR')).toBe('RE');
    expect(defaultPhoneCountry({ country_code: 'GP' }, null)).toBe('GP');
    expect(defaultPhoneCountry({ country_code: 'MQ' }, null)).toBe('MQ');
  });

  it('falls back to the locale region (fr-FR, fr_FR, en-us, de-CH)', () => {
    expect(defaultPhoneCountry(null, 'fr-FR')).toBe('FR');
    expect(defaultPhoneCountry({ country_code: null }, 'fr_BE')).toBe('BE');
    expect(defaultPhoneCountry(null, 'en-us')).toBe('US');
    expect(defaultPhoneCountry(null, 'de_CH.UTF-8')).toBe('CH');
    expect(defaultPhoneCountry({ country_code: 'AQ' }, 'ja-JP')).toBe('JP');
    expect(defaultPhoneCountry({ country_code: 'ZZ' }, 'es-ES')).toBe('ES');
  });

  it('L1: bad or region-less tags never throw and fall back to FR', () => {
    for (const locale of ['', 'not a locale', '--', 'fr', '123', 'en-ZZ-x', null]) {
      expect(defaultPhoneCountry(null, locale)).toBe('FR');
    }
  });
});

describe('formatPhoneForDisplay', () => {
  it('shows a number of the default country in national format', () => {
    expect(formatPhoneForDisplay('+33623456789', 'FR')).toBe('06 23 45 67 89');
    expect(formatPhoneForDisplay('0623456789', 'FR')).toBe('06 23 45 67 89');
  });

  it('shows numbers of other countries in international format', () => {
    expect(formatPhoneForDisplay('+442079460958', 'FR')).toBe('+44 20 7946 0958');
    expect(formatPhoneForDisplay('+33623456789', 'BE')).toBe('+33 6 23 45 67 89');
  });

  it('shows an unparseable stored number as stored', () => {
    expect(formatPhoneForDisplay('12-34', 'FR')).toBe('12-34');
    expect(formatPhoneForDisplay('not a phone', 'FR')).toBe('not a phone');
  });
});

describe('parsePhone: a digit missing from a national number (found by a new user)', () => {
  it('P6: "06 23 45 67 8" is impossible, not +33 062345678', () => {
    expect(parsePhone('06 23 45 67 8', 'FR')).toEqual({ ok: false, code: 'invalid_phone' });
    expect(parsePhone('06 23 45 67 89', 'FR')).toMatchObject({ ok: true, e164: '+33623456789' });
  });

  it('keeps numbers whose leading 0 belongs to the number (Italian landlines)', () => {
    expect(parsePhone('06 6982 1234', 'IT')).toMatchObject({ ok: true, e164: '+390669821234' });
    expect(parsePhone('+44 20 7946 0018', 'FR')).toMatchObject({ ok: true, e164: '+442079460018' });
  });
});
