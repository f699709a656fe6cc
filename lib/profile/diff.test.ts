import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffProfile, isEmptyPatch } from './diff';
import { formFor, seedAddress, seedEditable } from './fixtures';
import { parseProfileForm } from './form';
import { EDITABLE_ADDRESS_KEYS, EDITABLE_KEYS, type EditableProfile, type ProfilePatch } from './types';
import { editableProfileArbitrary } from './arbitraries';

/** The server action's pipeline: the posted form, parsed against the base, diffed against it. */
function patchFor(changes: Record<string, string | null>, base: EditableProfile = seedEditable()): ProfilePatch {
  const result = parseProfileForm(formFor(base, changes), base, { defaultPhoneCountry: 'FR', today: '20250601' });
  if (!result.ok) throw new Error(`unexpected field errors ${JSON.stringify(result.fieldErrors)}`);
  return diffProfile(base, result.submitted);
}

const twoPhones = () =>
  seedEditable({
    phones: [
      { number: '0623456789', type: 'MOBILE' },
      { number: '+33145678901', type: 'HOME' },
    ],
  });

describe('diffProfile: what goes into the PATCH', () => {
  it('the untouched form is an empty patch (nothing to save)', () => {
    const patch = patchFor({});
    expect(patch).toEqual({});
    expect(isEmptyPatch(patch)).toBe(true);
  });

  it('a changed key is sent with its normalised value, and nothing else', () => {
    expect(patchFor({ first_name: '  Thomas ' })).toEqual({ first_name: 'Thomas' });
  });

  it('D1: emptying second name James sends "second_name": null, kept by JSON.stringify', () => {
    const patch = patchFor({ second_name: '' });
    expect(patch).toEqual({ second_name: null });
    expect(Object.keys(patch)).toEqual(['second_name']);
    expect(JSON.stringify(patch)).toBe('{"second_name":null}');
  });

  it('D1: a spaces-only value clears too', () => {
    expect(JSON.stringify(patchFor({ third_name: ' \u00A0 ' }))).toBe('{"third_name":null}');
  });

  it('D2: a null field left empty is not a change', () => {
    expect(patchFor({ fourth_name: '', unicode_last_name: '   ', birthdate: '' })).toEqual({});
  });

  it('D2: a field absent from the post is untouched, never cleared', () => {
    expect(patchFor({ second_name: null, email: null, 'address.city': null, 'phones.present': null })).toEqual({});
  });

  it('D3: a crafted post with gm_number, loyalty_program, customer_id sends none of them', () => {
    const patch = patchFor({ gm_number: '999', loyalty_program: 'PLATINUM', customer_id: '42', locale: 'en-US', last_name: 'Smyth' });
    expect(patch).toEqual({ last_name: 'Smyth' });
  });

  it('D5: a last name Null or undefined is sent as that text', () => {
    expect(JSON.stringify(patchFor({ last_name: 'Null' }))).toBe('{"last_name":"Null"}');
    expect(JSON.stringify(patchFor({ last_name: 'undefined' }))).toBe('{"last_name":"undefined"}');
  });

  it('F4: Zoë stored composed and typed decomposed is no change; Besançon and Østergård round-trip', () => {
    const base = seedEditable({ first_name: 'Zo\u00EB', birth_city: 'Besançon', last_name: 'Østergård' });
    expect(patchFor({ first_name: 'Zoe\u0308', birth_city: 'Besanc\u0327on' }, base)).toEqual({});
    expect(patchFor({}, seedEditable({ first_name: 'Zoe\u0308' }))).toEqual({});
    const patch = patchFor({ birth_city: 'Besançon', last_name: 'Østergård' });
    expect(JSON.parse(JSON.stringify(patch))).toEqual({ birth_city: 'Besançon', last_name: 'Østergård' });
  });

  it('N1: an apostrophe survives to the PATCH body as itself', () => {
    expect(JSON.stringify(patchFor({ last_name: 'N’Diaye' }))).toBe('{"last_name":"N’Diaye"}');
  });

  it('E4: an IDN email goes as typed', () => {
    expect(patchFor({ email: 'elodie@bücher.example' })).toEqual({ email: 'elodie@bücher.example' });
  });

  it('the birthdate goes as YYYYMMDD', () => {
    expect(patchFor({ birthdate: '1985-02-11' })).toEqual({ birthdate: '19850211' });
  });
});

describe('diffProfile: phones', () => {
  it.each(['06 23 45 67 89', '06.23.45.67.89', '+33 6 23 45 67 89'])('P1: %s vs stored 0623456789 is no change, phones not sent', (number) => {
    expect(patchFor({ 'phones.0.number': number })).toEqual({});
  });

  it('P1: comparing directly, a respelled number is no change', () => {
    const base = seedEditable();
    expect(diffProfile(base, { ...base, phones: [{ number: '+33 6 23 45 67 89', type: 'MOBILE' }] })).toEqual({});
  });

  it("P5: changing only phone 2's type sends both phones, in their order", () => {
    const patch = patchFor({ 'phones.1.type': 'OFFICE' }, twoPhones());
    expect(patch).toEqual({
      phones: [
        { number: '0623456789', type: 'MOBILE' },
        { number: '+33145678901', type: 'OFFICE' },
      ],
    });
  });

  it('P5: deleting all phones sends "phones": [], never omits the key', () => {
    const patch = patchFor({ 'phones.0.number': null, 'phones.0.type': null, 'phones.1.number': null, 'phones.1.type': null }, twoPhones());
    expect(patch).toEqual({ phones: [] });
    expect(JSON.stringify(patch)).toBe('{"phones":[]}');
  });

  it('P5: deleting one phone sends the remaining one', () => {
    expect(patchFor({ 'phones.0.number': '' }, twoPhones())).toEqual({ phones: [{ number: '+33145678901', type: 'HOME' }] });
  });

  it('adding a phone sends the stored one unchanged and the new one as E.164', () => {
    expect(patchFor({ 'phones.1.number': '01 45 67 89 01', 'phones.1.type': 'HOME' })).toEqual({
      phones: [
        { number: '0623456789', type: 'MOBILE' },
        { number: '+33145678901', type: 'HOME' },
      ],
    });
  });

  it('reordering phones is a change (arrays are replaced whole)', () => {
    const base = twoPhones();
    const reversed = [...base.phones].reverse();
    expect(diffProfile(base, { ...base, phones: reversed })).toEqual({ phones: reversed });
  });

  it('uses the default country it is given to compare national numbers', () => {
    const base = seedEditable({ phones: [{ number: '0262123456', type: 'HOME' }] });
    const submitted = { ...base, phones: [{ number: '+262262123456', type: 'HOME' }] };
    expect(diffProfile(base, submitted, { defaultPhoneCountry: 'RE' })).toEqual({});
    expect(diffProfile(base, submitted)).toEqual({ phones: submitted.phones });
  });
});

describe('diffProfile: address', () => {
  const completeAddress = (changes: Record<string, string | null>) => {
    const address: Record<string, string | null> = { ...seedAddress(), ...changes };
    delete address.country;
    return address;
  };

  it('A4: only the zip changes → the complete address (city, country_code…), without the derived country label', () => {
    const patch = patchFor({ 'address.zip_code': '13090' });
    expect(patch).toEqual({ address: completeAddress({ zip_code: '13090' }) });
    expect(Object.keys(patch.address ?? {}).sort()).toEqual([...EDITABLE_ADDRESS_KEYS].sort());
    expect(patch.address).not.toHaveProperty('country');
    expect(JSON.parse(JSON.stringify(patch)).address).toMatchObject({ city: 'Aix-en-Provence', country_code: 'FR', number: null });
  });

  it('A1: zip 01220 goes as the string "01220"', () => {
    const patch = patchFor({ 'address.zip_code': '01220', 'address.city': 'Divonne-les-Bains' });
    expect(JSON.stringify(patch)).toContain('"zip_code":"01220"');
  });

  it('A1: an emptied zip goes as null, never 0 or ""', () => {
    const patch = patchFor({ 'address.zip_code': '' });
    expect(patch).toEqual({ address: completeAddress({ zip_code: null }) });
    expect(Object.keys(patch.address ?? {})).toContain('zip_code');
    expect(JSON.stringify(patch)).toContain('"zip_code":null');
  });

  it('emptying every sub-key removes the address: "address": null', () => {
    const patch = patchFor({ 'address.city': '', 'address.zip_code': '', 'address.country_code': '' });
    expect(JSON.stringify(patch)).toBe('{"address":null}');
  });

  it('a respelled sub-key (case of country code, spaces) is no change', () => {
    expect(patchFor({ 'address.country_code': 'fr', 'address.city': ' Aix-en-Provence ' })).toEqual({});
  });

  it('a change of the country label alone is not a change (it is derived)', () => {
    const base = seedEditable();
    expect(diffProfile(base, { ...base, address: { ...seedAddress(), country: 'FRANCE' } })).toEqual({});
  });

  it('an all-null address and no address are the same', () => {
    const empty = Object.fromEntries(Object.keys(seedAddress()).map((key) => [key, null])) as EditableProfile['address'];
    expect(diffProfile(seedEditable({ address: empty }), seedEditable({ address: null }))).toEqual({});
    expect(diffProfile(seedEditable({ address: null }), seedEditable({ address: empty }))).toEqual({});
  });
});

describe('diffProfile: optins and consent', () => {
  it('an optin change sends the whole optins array', () => {
    const base = seedEditable({ optins: [{ channel: 'EMAIL', optin: true }, { channel: 'SMS', optin: false }] });
    const submitted = { ...base, optins: [{ channel: 'EMAIL', optin: true }, { channel: 'SMS', optin: true }] };
    expect(diffProfile(base, submitted)).toEqual({ optins: submitted.optins });
  });

  it('optin_partners absent and null are the same', () => {
    const base = seedEditable({ optins: [{ channel: 'EMAIL', optin: true }] });
    expect(diffProfile(base, { ...base, optins: [{ channel: 'EMAIL', optin: true, optin_partners: null }] })).toEqual({});
  });

  it('consent null → true is sent; null → null is not', () => {
    const base = seedEditable();
    expect(diffProfile(base, { ...base, personal_data_usage_allowed: true })).toEqual({ personal_data_usage_allowed: true });
    expect(diffProfile(base, { ...base })).toEqual({});
  });
});

describe('diffProfile: properties', () => {
  it('a profile diffed against itself is empty', () => {
    fc.assert(
      fc.property(editableProfileArbitrary, (profile) => {
        expect(diffProfile(profile, structuredClone(profile))).toEqual({});
      }),
    );
  });

  it('only editable keys, never undefined values, and applying the patch reproduces the submitted values', () => {
    fc.assert(
      fc.property(editableProfileArbitrary, editableProfileArbitrary, (base, submitted) => {
        // One phone country for both diffs, as in a save: otherwise a patch that changes the address
        // would change how national numbers are read (found by fast-check: FR "01 45…" vs "+331 45…").
        const options = { defaultPhoneCountry: 'FR' as const };
        const patch = diffProfile(base, submitted, options);
        for (const [key, value] of Object.entries(patch)) {
          expect(EDITABLE_KEYS).toContain(key);
          expect(value).not.toBeUndefined();
        }
        const applied = { ...base, ...patch } as EditableProfile;
        expect(diffProfile(applied, submitted, options)).toEqual({});
      }),
    );
  });
});

describe('isEmptyPatch', () => {
  it('is true only when no key has a value to send', () => {
    expect(isEmptyPatch({})).toBe(true);
    expect(isEmptyPatch({ email: undefined })).toBe(true);
    expect(isEmptyPatch({ second_name: null })).toBe(false);
    expect(isEmptyPatch({ phones: [] })).toBe(false);
    expect(isEmptyPatch({ personal_data_usage_allowed: false })).toBe(false);
  });
});
