import { describe, expect, it } from 'vitest';
import { seedEditable, seedProfile, seedProfileJson } from './fixtures';
import { parseEditableProfile, parseProfileResponse, toEditable } from './schema';

function parsed(json: unknown) {
  const result = parseProfileResponse(json);
  if (!result.ok) throw new Error(`expected ok, got ${result.issues.join('; ')}`);
  return result.profile;
}

describe('parseProfileResponse', () => {
  it('reads the seed customer exactly', () => {
    expect(parsed(seedProfileJson())).toEqual(seedProfile());
  });

  it('missing keys are null, missing phones and optins are []', () => {
    const profile = parsed({});
    expect(profile.email).toBeNull();
    expect(profile.address).toBeNull();
    expect(profile.loyalty_program).toBeNull();
    expect(profile.personal_data_usage_allowed).toBeNull();
    expect(profile.phones).toEqual([]);
    expect(profile.optins).toEqual([]);
    expect(profile.extra).toEqual({});
  });

  it('null phones and optins are []', () => {
    const profile = parsed({ phones: null, optins: null });
    expect(profile.phones).toEqual([]);
    expect(profile.optins).toEqual([]);
  });

  it('keeps unknown keys in extra, as received', () => {
    const profile = parsed({ ...seedProfileJson(), health_pass_id: 'HP1', _links: { self: { href: '/x' } }, blacklisted: false });
    expect(profile.extra).toEqual({ health_pass_id: 'HP1', _links: { self: { href: '/x' } }, blacklisted: false });
    expect(profile).not.toHaveProperty('health_pass_id');
  });

  it('keeps unknown enum values as-is (FAX, DIAMOND, WECHAT2)', () => {
    const profile = parsed({
      phones: [{ number: '0123456789', type: 'FAX' }],
      loyalty_program: { status: 'DIAMOND', previous_status: 'SAPPHIRE' },
      optins: [{ channel: 'PIGEON', optin: true }],
      customer_type: 'PARTNER',
    });
    expect(profile.phones).toEqual([{ number: '0123456789', type: 'FAX' }]);
    expect(profile.loyalty_program).toEqual({
      status: 'DIAMOND',
      previous_status: 'SAPPHIRE',
      is_platinum_for_life: null,
      platinum_for_life_since: null,
      points: null,
    });
    expect(profile.optins).toEqual([{ channel: 'PIGEON', optin: true }]);
    expect(profile.customer_type).toBe('PARTNER');
  });

  it('treats "" from upstream as null, at top level and in the address', () => {
    const profile = parsed({ email: '', second_name: '', address: { ...seedProfileJson().address as object, street: '' } });
    expect(profile.email).toBeNull();
    expect(profile.second_name).toBeNull();
    expect(profile.address?.street).toBeNull();
  });

  it('A1: a zip code with leading zeros stays a string', () => {
    expect(parsed({ address: { zip_code: '01220', city: 'Divonne-les-Bains' } }).address?.zip_code).toBe('01220');
  });

  it('fills missing address sub-keys with null', () => {
    expect(parsed({ address: { city: 'Lyon' } }).address).toEqual({
      number: null,
      street: null,
      add_on: null,
      town: null,
      city: 'Lyon',
      zip_code: null,
      state_or_district: null,
      country: null,
      country_code: null,
      additional_information_1: null,
      additional_information_2: null,
    });
  });

  it('keeps gm_number leading zeros and the birthday twin separately', () => {
    const profile = parsed({ gm_number: '000123', birthdate: '19850211', birthday: '1985-02-11' });
    expect(profile.gm_number).toBe('000123');
    expect(profile.birthdate).toBe('19850211');
    expect(profile.birthday).toBe('1985-02-11');
  });

  it('keeps optin_partners only when upstream sent it; a null optin reads as false', () => {
    const profile = parsed({
      optins: [
        { channel: 'EMAIL', optin: true, optin_partners: false },
        { channel: 'SMS', optin: null },
      ],
    });
    expect(profile.optins).toEqual([
      { channel: 'EMAIL', optin: true, optin_partners: false },
      { channel: 'SMS', optin: false },
    ]);
    expect(Object.keys(profile.optins[1] ?? {})).toEqual(['channel', 'optin']);
  });

  it('accepts a platinum year as a number', () => {
    expect(parsed({ loyalty_program: { platinum_for_life_since: 2015 } }).loyalty_program?.platinum_for_life_since).toBe('2015');
  });

  it.each([
    ['email: 42', { email: 42 }],
    ['phones: "x"', { phones: 'x' }],
    ['a phone without a number', { phones: [{ type: 'MOBILE' }] }],
    ['address: "Paris"', { address: 'Paris' }],
    ['address.zip_code: 75000 (a number)', { address: { zip_code: 75000 } }],
    ['optins[0].optin: "yes"', { optins: [{ channel: 'EMAIL', optin: 'yes' }] }],
    ['personal_data_usage_allowed: "true"', { personal_data_usage_allowed: 'true' }],
    ['loyalty_program.points: "1200"', { loyalty_program: { points: '1200' } }],
  ])('a wrong type for a known key fails (%s)', (_, json) => {
    const result = parseProfileResponse(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.length).toBeGreaterThan(0);
  });

  it('names the bad key in the issues', () => {
    const result = parseProfileResponse({ email: 42 });
    expect(result).toEqual({ ok: false, issues: [expect.stringMatching(/^email: /)] });
  });

  it.each([null, undefined, 'profile', 42, [], [seedProfileJson()], true])('a non-object body fails (%j)', (json) => {
    expect(parseProfileResponse(json).ok).toBe(false);
  });
});

describe('toEditable', () => {
  it('picks exactly the editable keys', () => {
    const editable = toEditable(seedProfile());
    expect(Object.keys(editable).sort()).toEqual(Object.keys(seedEditable()).sort());
    expect(editable).not.toHaveProperty('gm_number');
    expect(editable).not.toHaveProperty('loyalty_program');
    expect(editable).not.toHaveProperty('identity');
    expect(editable).not.toHaveProperty('extra');
    expect(editable.phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  it('deep-copies arrays and objects', () => {
    const profile = seedProfile();
    const editable = toEditable(profile);
    editable.phones[0]!.number = 'changed';
    editable.address!.city = 'changed';
    expect(profile.phones[0]?.number).toBe('0623456789');
    expect(profile.address?.city).toBe('Aix-en-Provence');
  });
});

describe('parseEditableProfile', () => {
  it('round-trips an editable profile through JSON (the form base)', () => {
    const base = seedEditable();
    expect(parseEditableProfile(JSON.parse(JSON.stringify(base)))).toEqual({ ok: true, profile: base });
  });

  it('drops keys that are not editable', () => {
    const result = parseEditableProfile({ ...seedEditable(), gm_number: '1', loyalty_program: { status: 'PLATINUM' } });
    expect(result.ok && Object.keys(result.profile)).not.toContain('gm_number');
  });

  it('fails on a tampered base of the wrong shape', () => {
    expect(parseEditableProfile({ phones: 'x' }).ok).toBe(false);
    expect(parseEditableProfile('base').ok).toBe(false);
  });
});
