import { beforeEach, describe, expect, it } from 'vitest';
import {
  AMINATA,
  AOIFE,
  api,
  customerToken,
  getProfile,
  hook,
  JOSE,
  lastSeq,
  patchProfile,
  rawRequest,
  resetSandbox,
  sandbox,
  staffToken,
  storedProfile,
  TOM,
} from './helpers';

const JSON_TYPE = 'application/json; charset=utf-8';

async function expectError(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(JSON_TYPE);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status_code: status, error: expect.any(String), error_description: expect.any(String) });
  return body as { status_code: number; error: string; errors?: { error_code: string; concerned_key: string; error_description: string }[] };
}

async function expectBadRequest(res: Response, expected: { error_code: string; concerned_key: string }[]) {
  const body = await expectError(res, 400);
  expect(body.error).toBe('Bad Request');
  expect(body.errors).toHaveLength(expected.length);
  expect(body.errors).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
  for (const error of body.errors!) expect(error.error_description).toEqual(expect.any(String));
}

async function profileOf(customerId: string) {
  const res = await getProfile(customerId);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

beforeEach(resetSandbox);

describe('common rules', () => {
  const routes = [
    { name: 'GET v2 profile', method: 'GET', path: `/v2/customers/${TOM}/profile` },
    { name: 'PATCH v1 profile', method: 'PATCH', path: `/v1/customers/${TOM}/profile`, body: { first_name: 'Tim' } },
  ];

  describe.each(routes)('$name', ({ method, path, body }) => {
    it('401 without an API key, with a wrong one, without a token, with a bad or expired token', async () => {
      const token = await customerToken(TOM);
      await expectError(await api(path, { method, body, token, apiKey: null }), 401);
      await expectError(await api(path, { method, body, token, apiKey: 'not-the-key' }), 401);
      await expectError(await api(path, { method, body, token: null }), 401);
      await expectError(await api(path, { method, body, token: 'not-a-jwt' }), 401);
      await expectError(await api(path, { method, body, token: `${token.slice(0, -4)}AAAA` }), 401);
      const expired = await customerToken(TOM, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
      await expectError(await api(path, { method, body, token: expired }), 401);
      const otherAudience = await customerToken(TOM, { audience: 'another-api' });
      await expectError(await api(path, { method, body, token: otherAudience }), 401);
      await expectError(await api(path, { method, body, token: null, headers: { authorization: `Basic ${token}` } }), 401);
      expect((await storedProfile(TOM)).first_name).toBe('Tom');
    });

    it('400 on a missing or unsupported accept-language, naming the header', async () => {
      const token = await customerToken(TOM);
      // fetch always sends a header (`*` by default), so the missing case uses node:http.
      const missing = await rawRequest(method, path, {
        'x-api-key': sandbox().apiKey,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      }, body);
      expect(missing.status).toBe(400);
      expect(missing.json).toMatchObject({
        status_code: 400,
        errors: [{ error_code: 'MISSING_HEADER', concerned_key: 'accept-language' }],
      });
      for (const language of ['xx-XX', 'fr', 'fr_FR', 'pt-PT', '*']) {
        await expectBadRequest(await api(path, { method, body, token, language }), [
          { error_code: 'UNSUPPORTED_LANGUAGE', concerned_key: 'accept-language' },
        ]);
      }
    });

    it('accepts the market locales case-insensitively and a weighted list by its first tag', async () => {
      const token = await customerToken(TOM);
      for (const language of ['fr-fr', 'EN-GB', 'ja-JP', 'fr-FR,fr;q=0.9,en;q=0.8']) {
        const res = await api(path, { method, body, token, language });
        expect(res.status).toBeLessThan(300);
      }
    });

    it('401 comes before 400: a bad key with no language is still 401', async () => {
      await expectError(await api(path, { method, body, token: await customerToken(TOM), apiKey: 'bad', language: null }), 401);
    });
  });

  it('400 on a malformed customer_id (after auth and language)', async () => {
    const token = await customerToken(TOM);
    for (const id of ['abc', '0123', '12a', '-1', '1.5', '%20']) {
      await expectBadRequest(await api(`/v2/customers/${id}/profile`, { token }), [
        { error_code: 'INVALID_CUSTOMER_ID', concerned_key: 'customer_id' },
      ]);
      await expectBadRequest(await api(`/v1/customers/${id}/profile`, { method: 'PATCH', token, body: {} }), [
        { error_code: 'INVALID_CUSTOMER_ID', concerned_key: 'customer_id' },
      ]);
    }
  });

  it('403 when a customer token reads or patches another customer (S1), nothing written', async () => {
    const token = await customerToken(TOM);
    await expectError(await api(`/v2/customers/${AOIFE}/profile`, { token }), 403);
    await expectError(await patchProfile(AOIFE, { first_name: 'Hacked' }, { token }), 403);
    // An unknown id is 403 too for a customer: the scope check comes before existence.
    await expectError(await api('/v2/customers/999999999/profile', { token }), 403);
    expect((await storedProfile(AOIFE)).first_name).toBe('Aoife');
  });

  it('a staff token reads any customer but a staff PATCH is 403 and writes nothing', async () => {
    const token = await staffToken();
    expect((await api(`/v2/customers/${AMINATA}/profile`, { token })).status).toBe(200);
    await expectError(await patchProfile(AMINATA, { first_name: 'Staff' }, { token }), 403);
    expect((await storedProfile(AMINATA)).first_name).toBe('Aminata');
  });

  it('404 for a well-formed unknown customer', async () => {
    await expectError(await api('/v2/customers/999999999/profile', { token: await staffToken() }), 404);
    await expectError(await getProfile('999999999'), 404);
    await expectError(await patchProfile('999999999', { first_name: 'Ghost' }), 404);
  });

  it('unknown routes and methods answer JSON errors', async () => {
    const token = await customerToken(TOM);
    await expectError(await api('/v3/customers/123456789/profile', { token }), 404);
    await expectError(await api('/nothing-here', { token }), 404);
    await expectError(await api(`/v2/customers/${TOM}/profile`, { method: 'DELETE', token }), 405);
  });
});

describe('GET /v2/customers/{id}/profile', () => {
  it("serves the seed's customer exactly as contract.md's example, every key present, empty = null", async () => {
    const res = await getProfile(TOM);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const profile = (await res.json()) as Record<string, unknown>;
    expect(profile).toEqual({
      email: 'tom@example.com',
      gm_number: '123456789',
      gender: null,
      civility: null,
      unicode_civility: null,
      first_name: 'Tom',
      second_name: 'James',
      third_name: 'Edward',
      fourth_name: null,
      last_name: 'Smith',
      unicode_first_name: null,
      unicode_second_name: null,
      unicode_third_name: null,
      unicode_fourth_name: null,
      unicode_last_name: null,
      birthdate: null,
      birthday: null,
      birth_country_code: null,
      birth_city: 'Paris',
      language_code: null,
      phones: [{ number: '0623456789', type: 'MOBILE' }],
      address: {
        number: null,
        street: null,
        add_on: null,
        town: null,
        city: 'Aix-en-Provence',
        zip_code: '75000',
        state_or_district: null,
        country: null,
        country_code: 'FR',
        additional_information_1: null,
        additional_information_2: null,
      },
      optins: [],
      personal_data_usage_allowed: null,
      identity: null,
      loyalty_program: { status: 'GOLD', previous_status: 'SILVER', is_platinum_for_life: false, platinum_for_life_since: null, points: 1200 },
      customer_type: null,
      customer_status: null,
      locale: 'fr-FR',
      health_pass_id: null,
      blacklisted: null,
      filiation_number: null,
      _links: { self: { href: `/v2/customers/${TOM}/profile` } },
    });
  });

  it('keeps leading zeros in gm_number and serves a customer without address or phones', async () => {
    expect((await profileOf(AOIFE)).gm_number).toBe('000482913');
    const jose = await profileOf(JOSE);
    expect(jose.address).toBeNull();
    expect(jose.phones).toEqual([]);
  });

  it('never serves "" (v2 rule), even when the database holds one', async () => {
    await hook(`/customers/${TOM}`, { method: 'POST', body: { fourth_name: '', address: { street: '' } } });
    const profile = await profileOf(TOM);
    expect(profile.fourth_name).toBeNull();
    expect((profile.address as Record<string, unknown>).street).toBeNull();
  });
});

describe('PATCH /v1/customers/{id}/profile', () => {
  it('204 with no body; the following GET shows the change; missing keys untouched', async () => {
    const res = await patchProfile(TOM, { first_name: 'Timothy', birthdate: '19850211' });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
    const profile = await profileOf(TOM);
    expect(profile).toMatchObject({ first_name: 'Timothy', birthdate: '19850211', birthday: '19850211', second_name: 'James', last_name: 'Smith' });
    expect(profile.phones).toEqual([{ number: '0623456789', type: 'MOBILE' }]);
  });

  it('an empty body changes nothing', async () => {
    const before = await storedProfile(TOM);
    expect((await patchProfile(TOM, {})).status).toBe(204);
    expect(await storedProfile(TOM)).toEqual(before);
  });

  it('null and "" clear (D1); literal words are text (D5)', async () => {
    expect((await patchProfile(TOM, { second_name: null, third_name: '', last_name: 'Null', fourth_name: 'undefined' })).status).toBe(204);
    const stored = await storedProfile(TOM);
    expect(stored).toMatchObject({ second_name: null, third_name: null, last_name: 'Null', fourth_name: 'undefined' });
  });

  it('stores values exactly as sent: no trimming, no normalisation (N1, N2, N5)', async () => {
    const values = {
      first_name: '  Aoife ',
      second_name: 'Aoife\u00a0',
      third_name: 'e\u0301',
      last_name: 'N’Diaye',
      unicode_first_name: 'မောင်မောင်',
      unicode_last_name: '李',
      fourth_name: '𝐃𝐮𝐩𝐨𝐧𝐭 🌻',
      birth_city: 'ليلى',
      civility: 'MS',
    };
    expect((await patchProfile(TOM, values)).status).toBe(204);
    expect(await storedProfile(TOM)).toMatchObject(values);
    expect(await profileOf(TOM)).toMatchObject(values);
  });

  it('counts lengths in code points: 100 astral characters fit, 101 do not', async () => {
    expect((await patchProfile(TOM, { last_name: '𝐃'.repeat(100) })).status).toBe(204);
    await expectBadRequest(await patchProfile(TOM, { last_name: '𝐃'.repeat(101) }), [{ error_code: 'TOO_LONG', concerned_key: 'last_name' }]);
    await expectBadRequest(await patchProfile(TOM, { first_name: 'a'.repeat(300) }), [{ error_code: 'TOO_LONG', concerned_key: 'first_name' }]);
  });

  it('accepts valid but unusual emails (E1, E4) and rejects bad ones and over-long parts (E3)', async () => {
    for (const email of ['m.durand@lab.univ-exemple.fr', "aoife.o'brien@example.ie", 'jean+fidelite@example.fr', 'a=b@example.com', 'elodie@bücher.example']) {
      expect((await patchProfile(TOM, { email })).status, email).toBe(204);
      expect((await storedProfile(TOM)).email).toBe(email);
    }
    for (const email of ['not-an-email', 'a@b', ' tom@example.com', 'tom@example.com\n', 'a@@example.com', 'a b@example.com']) {
      await expectBadRequest(await patchProfile(TOM, { email }), [{ error_code: 'INVALID_EMAIL', concerned_key: 'email' }]);
    }
    await expectBadRequest(await patchProfile(TOM, { email: `${'a'.repeat(65)}@example.com` }), [{ error_code: 'TOO_LONG', concerned_key: 'email' }]);
    await expectBadRequest(await patchProfile(TOM, { email: `a@${['b', 'c', 'd', 'e', 'f'].map((c) => c.repeat(60)).join('.')}.fr` }), [
      { error_code: 'TOO_LONG', concerned_key: 'email' },
    ]);
  });

  it('validates birthdate as a real YYYYMMDD date', async () => {
    for (const birthdate of ['1985-02-11', '19850230', '19851301', '850211', 19850211]) {
      const res = await patchProfile(TOM, { birthdate });
      const code = typeof birthdate === 'number' ? 'INVALID_TYPE' : 'INVALID_DATE';
      await expectBadRequest(res, [{ error_code: code, concerned_key: 'birthdate' }]);
    }
    expect((await patchProfile(TOM, { birthdate: '20000229' })).status).toBe(204);
  });

  it('replaces arrays whole; [] and null empty them', async () => {
    const phones = [
      { number: '0145678912', type: 'HOME' },
      { number: '+33 6 85 12 34 56', type: 'MOBILE' },
    ];
    expect((await patchProfile(TOM, { phones })).status).toBe(204);
    expect((await profileOf(TOM)).phones).toEqual(phones);
    expect((await patchProfile(TOM, { phones: [] })).status).toBe(204);
    expect((await profileOf(TOM)).phones).toEqual([]);

    const optins = [{ channel: 'EMAIL', optin: true, optin_partners: false }, { channel: 'SMS', optin: false }];
    expect((await patchProfile(AMINATA, { optins })).status).toBe(204);
    expect((await profileOf(AMINATA)).optins).toEqual(optins);
    expect((await patchProfile(AMINATA, { optins: null, phones: null })).status).toBe(204);
    expect(await profileOf(AMINATA)).toMatchObject({ optins: [], phones: [] });
  });

  it('reports bad phones per item path', async () => {
    const res = await patchProfile(TOM, {
      phones: [
        { number: '0623456789', type: 'MOBILE' },
        { number: '0623456780', type: 'FAX' },
        { number: '01 23 45 67 89 poste 12', type: 'HOME' },
      ],
    });
    await expectBadRequest(res, [
      { error_code: 'INVALID_PHONE_TYPE', concerned_key: 'phones.1.type' },
      { error_code: 'INVALID_PHONE', concerned_key: 'phones.2.number' },
    ]);
    await expectBadRequest(await patchProfile(TOM, { phones: { number: '0623456789', type: 'MOBILE' } }), [
      { error_code: 'INVALID_TYPE', concerned_key: 'phones' },
    ]);
    await expectBadRequest(await patchProfile(TOM, { phones: Array.from({ length: 10_000 }, () => ({ number: '0623456789', type: 'HOME' })) }), [
      { error_code: 'TOO_MANY_ITEMS', concerned_key: 'phones' },
    ]);
  });

  it('rejects wrong types per key', async () => {
    const res = await patchProfile(TOM, { first_name: 42, personal_data_usage_allowed: 'yes', address: 'Paris', optins: [{ channel: 'EMAIL', optin: 'true' }] });
    await expectBadRequest(res, [
      { error_code: 'INVALID_TYPE', concerned_key: 'first_name' },
      { error_code: 'INVALID_TYPE', concerned_key: 'personal_data_usage_allowed' },
      { error_code: 'INVALID_TYPE', concerned_key: 'address' },
      { error_code: 'INVALID_TYPE', concerned_key: 'optins.0.optin' },
    ]);
  });

  it('read-only and unknown keys → 400 and nothing written, not even the valid keys (D3, all or nothing)', async () => {
    const before = await storedProfile(TOM);
    const res = await patchProfile(TOM, {
      first_name: 'Changed',
      gm_number: '999',
      loyalty_program: { status: 'PLATINUM' },
      locale: 'en-GB',
      customer_id: AOIFE,
      favourite_colour: 'blue',
    });
    await expectBadRequest(res, [
      { error_code: 'READ_ONLY_KEY', concerned_key: 'gm_number' },
      { error_code: 'READ_ONLY_KEY', concerned_key: 'loyalty_program' },
      { error_code: 'READ_ONLY_KEY', concerned_key: 'locale' },
      { error_code: 'READ_ONLY_KEY', concerned_key: 'customer_id' },
      { error_code: 'UNKNOWN_KEY', concerned_key: 'favourite_colour' },
    ]);
    expect(await storedProfile(TOM)).toEqual(before);
  });

  it('400 INVALID_BODY when the body is not a JSON object', async () => {
    const token = await customerToken(TOM);
    const path = `/v1/customers/${TOM}/profile`;
    for (const rawBody of ['[]', '"text"', 'null', '42', '{"first_name": "Tim"', '']) {
      await expectBadRequest(await api(path, { method: 'PATCH', token, rawBody }), [{ error_code: 'INVALID_BODY', concerned_key: 'body' }]);
    }
    expect((await storedProfile(TOM)).first_name).toBe('Tom');
  });

  describe('address', () => {
    const lyon = { number: '8', street: 'Rue de la République', city: 'LYON', zip_code: '69001', country_code: 'FR' };

    it("the seed's own address (75000 + Aix-en-Provence) is not recognised: 400 ADDRESS_NOT_RECOGNIZED, nothing written", async () => {
      const seed = (await profileOf(TOM)).address as Record<string, unknown>;
      const res = await patchProfile(TOM, { first_name: 'Tim', address: seed });
      const body = await expectError(res, 400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.error_code).toBe('ADDRESS_NOT_RECOGNIZED');
      expect(['address', 'address.zip_code']).toContain(body.errors![0]!.concerned_key);
      expect((await storedProfile(TOM)).first_name).toBe('Tom');
    });

    it('75001 + Lyon is not recognised; 75001 + PARIS is', async () => {
      const res = await patchProfile(TOM, { address: { city: 'Lyon', zip_code: '75001', country_code: 'FR' } });
      const body = await expectError(res, 400);
      expect(body.errors![0]).toMatchObject({ error_code: 'ADDRESS_NOT_RECOGNIZED', concerned_key: expect.stringMatching(/^address/) });
      expect((await patchProfile(TOM, { address: { city: 'PARIS', zip_code: '75001', country_code: 'FR' } })).status).toBe(204);
    });

    it('a partial address is merged into the stored one and the result is validated (A4)', async () => {
      // Only the zip changes: the merged address (13100 + Aix-en-Provence) is recognised.
      expect((await patchProfile(TOM, { address: { zip_code: '13100' } })).status).toBe(204);
      expect((await profileOf(TOM)).address).toMatchObject({ city: 'Aix-en-Provence', zip_code: '13100', country_code: 'FR', street: null });
      // Changing only the city to one the zip does not serve fails on the merged result.
      const res = await patchProfile(TOM, { address: { city: 'Lyon' } });
      expect((await expectError(res, 400)).errors![0]!.error_code).toBe('ADDRESS_NOT_RECOGNIZED');
      // A null sub-key clears it.
      expect((await patchProfile(TOM, { address: { ...lyon, add_on: 'Bât. B' } })).status).toBe(204);
      expect((await patchProfile(TOM, { address: { add_on: null, street: '' } })).status).toBe(204);
      expect((await profileOf(TOM)).address).toMatchObject({ ...lyon, add_on: null, street: null });
    });

    it('derives address.country from country_code in the request language', async () => {
      expect((await patchProfile(TOM, { address: lyon })).status).toBe(204);
      expect(((await profileOf(TOM)).address as Record<string, unknown>).country).toBe('FRANCE');
      const berlin = { city: 'Berlin', zip_code: '10115', country_code: 'DE' };
      expect((await patchProfile(TOM, { address: berlin }, { language: 'fr-FR' })).status).toBe(204);
      expect(((await profileOf(TOM)).address as Record<string, unknown>).country).toBe('ALLEMAGNE');
      expect((await patchProfile(TOM, { address: berlin }, { language: 'en-GB' })).status).toBe(204);
      expect(((await profileOf(TOM)).address as Record<string, unknown>).country).toBe('GERMANY');
    });

    it('"address": null removes the address (no recognition needed)', async () => {
      expect((await patchProfile(TOM, { address: null })).status).toBe(204);
      expect((await profileOf(TOM)).address).toBeNull();
    });

    it('force_address=true stores an unrecognised address as given, for that request only (A2)', async () => {
      const typed = { number: '1', street: 'Rue X', city: 'Lyon', zip_code: '75001', country_code: 'FR' };
      expect((await patchProfile(TOM, { address: typed, phones: [] }, { query: '?force_address=true' })).status).toBe(204);
      expect(await profileOf(TOM)).toMatchObject({ address: { ...typed, country: 'FRANCE' }, phones: [] });
      // The next request carries no flag: the same address is checked again.
      const again = await patchProfile(TOM, { address: { ...typed, street: 'Rue Y' } });
      expect((await expectError(again, 400)).errors![0]!.error_code).toBe('ADDRESS_NOT_RECOGNIZED');
      const explicitFalse = await patchProfile(TOM, { address: { ...typed, street: 'Rue Y' } }, { query: '?force_address=false' });
      expect((await expectError(explicitFalse, 400)).errors![0]!.error_code).toBe('ADDRESS_NOT_RECOGNIZED');
      // Patching other keys does not re-check the stored (forced) address.
      expect((await patchProfile(TOM, { first_name: 'Tim' })).status).toBe(204);
    });

    it('force_address does not bypass the other validation', async () => {
      const res = await patchProfile(TOM, { address: { city: 'x'.repeat(151), zip_code: '75001', country_code: 'FR' } }, { query: '?force_address=true' });
      await expectBadRequest(res, [{ error_code: 'TOO_LONG', concerned_key: 'address.city' }]);
    });

    it('recognises CEDEX (A3), leading-zero postcodes (A1), ST/SAINT and overseas departments', async () => {
      const ok = [
        { city: 'NANTES CEDEX 1', zip_code: '44021', country_code: 'FR' },
        { city: 'Divonne-les-Bains', zip_code: '01220', country_code: 'FR' },
        { city: 'ST ETIENNE', zip_code: '42000', country_code: 'FR' },
        { city: 'Saint-Denis', zip_code: '97400', country_code: 'RE' },
        { city: 'London', zip_code: 'SW1A 1AA', country_code: 'GB' },
        { city: 'Dubai', zip_code: null, country_code: 'AE' },
      ];
      for (const address of ok) {
        expect((await patchProfile(TOM, { address: { ...address, number: null, street: null } })).status, JSON.stringify(address)).toBe(204);
        expect(((await profileOf(TOM)).address as Record<string, unknown>).zip_code).toBe(address.zip_code);
      }
      const notOk = [
        { city: 'LYON CEDEX 1', zip_code: '44021', country_code: 'FR' },
        { city: 'London', zip_code: '12345', country_code: 'GB' },
        { city: 'Saint-Denis', zip_code: '93200', country_code: 'RE' },
      ];
      for (const address of notOk) {
        const res = await patchProfile(TOM, { address });
        expect((await expectError(res, 400)).errors![0]!.error_code, JSON.stringify(address)).toBe('ADDRESS_NOT_RECOGNIZED');
      }
    });

    it('reports unknown and over-long address sub-keys by path', async () => {
      const res = await patchProfile(TOM, { address: { ...lyon, zip_code: '6'.repeat(51), floor: '2', country_code: 'XX' } });
      await expectBadRequest(res, [
        { error_code: 'TOO_LONG', concerned_key: 'address.zip_code' },
        { error_code: 'UNKNOWN_KEY', concerned_key: 'address.floor' },
        { error_code: 'INVALID_COUNTRY_CODE', concerned_key: 'address.country_code' },
      ]);
    });
  });

  it('a concurrent change made elsewhere to another key survives a PATCH (D4 at the API level)', async () => {
    await hook(`/customers/${TOM}`, { method: 'POST', body: { email: 'tom.new@example.com' } });
    expect((await patchProfile(TOM, { phones: [{ number: '0699999999', type: 'MOBILE' }] })).status).toBe(204);
    expect(await profileOf(TOM)).toMatchObject({ email: 'tom.new@example.com', phones: [{ number: '0699999999', type: 'MOBILE' }] });
  });

  it('logs requests for tests, with the PATCH body and without credentials', async () => {
    const since = await lastSeq();
    const token = await customerToken(TOM);
    await patchProfile(TOM, { second_name: null }, { token, query: '?force_address=false' });
    const log = (await (await hook(`/requests?since=${since}`)).json()) as { requests: Record<string, unknown>[] };
    expect(log.requests).toHaveLength(1);
    expect(log.requests[0]).toMatchObject({
      method: 'PATCH',
      path: `/v1/customers/${TOM}/profile`,
      query: 'force_address=false',
      status: 204,
      body: { second_name: null },
      caller: { role: 'customer', id: TOM },
    });
    expect(JSON.stringify(log)).not.toContain(token);
  });
});
