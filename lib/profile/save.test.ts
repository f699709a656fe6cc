import { describe, expect, it, vi } from 'vitest';
import { UpstreamError } from '@/lib/clubmed/errors';
import { formFromValues, saveFormFor, seedAddress, seedEditable } from './fixtures';
import { BASE_FIELD, CONFLICT_KEYS_FIELD, INTENT_FIELD, resolveField } from './form-fields';
import { saveProfileForm, type SaveDeps, type SaveState } from './save';
import { EDITABLE_ADDRESS_KEYS, type Address, type EditableProfile, type ProfilePatch } from './types';

// ── a fake upstream ─────────────────────────────────────────────────────────────────────────────

type PatchCall = { patch: ProfilePatch; forceAddress: boolean };

type FakeOptions = {
  /** Thrown by the next PATCH calls (in order), before anything is applied. */
  patchErrors?: Error[];
  /** Thrown by the next GET calls (in order). */
  fetchErrors?: Error[];
  /** Addresses the fake API does not recognise without `force_address` (A2). */
  isUnrecognized?: (address: Address) => boolean;
};

const lyon75001 = (address: Address) => address.zip_code === '75001' && address.city === 'Lyon';

/**
 * An in-memory profile with PATCH semantics (present keys replace, `null` clears, the address is
 * replaced whole and its `country` label derived as null), and a record of every PATCH call.
 */
function fakeUpstream(initial: EditableProfile, options: FakeOptions = {}) {
  let server = structuredClone(initial);
  const calls: PatchCall[] = [];
  const patchErrors = [...(options.patchErrors ?? [])];
  const fetchErrors = [...(options.fetchErrors ?? [])];
  const isUnrecognized = options.isUnrecognized ?? lyon75001;

  const fetchCurrent = vi.fn(async (): Promise<EditableProfile> => {
    const error = fetchErrors.shift();
    if (error) throw error;
    return structuredClone(server);
  });

  const patch = vi.fn(async (body: ProfilePatch, { forceAddress }: { forceAddress: boolean }): Promise<void> => {
    calls.push({ patch: structuredClone(body), forceAddress });
    const error = patchErrors.shift();
    if (error) throw error;
    if (body.address && !forceAddress && isUnrecognized(body.address)) throw addressNotRecognized();
    const next = structuredClone(server) as Record<string, unknown>;
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined) continue;
      next[key] = key === 'address' && value !== null ? { ...(structuredClone(value) as Address), country: null } : structuredClone(value);
    }
    server = next as EditableProfile;
  });

  const deps: SaveDeps = { fetchCurrent, patch, marketLocale: 'fr-FR', today: '20250601' };
  return {
    deps,
    calls,
    fetchCurrent,
    patchFn: patch,
    get server() {
      return structuredClone(server);
    },
    /** Another tab or device saving directly. */
    setServer(changes: Partial<EditableProfile>) {
      server = { ...server, ...structuredClone(changes) };
    },
  };
}

function addressNotRecognized() {
  return new UpstreamError('bad_request', 'Address not recognized', {
    status: 400,
    issues: [{ error_code: 'ADDRESS_NOT_RECOGNIZED', concerned_key: 'address' }],
  });
}

/** What the user typed: every posted field except the control fields (base, intent, conflict choices). */
function typed(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (name === BASE_FIELD || name === INTENT_FIELD || name === CONFLICT_KEYS_FIELD || name.startsWith('resolve.')) continue;
    values[name] ??= value;
  }
  return values;
}

function expectStatus<S extends SaveState['status']>(state: SaveState, status: S): Extract<SaveState, { status: S }> {
  expect(state.status).toBe(status);
  return state as Extract<SaveState, { status: S }>;
}

/** The address as a PATCH carries it: every editable sub-key, no derived `country` label. */
function completeAddress(overrides: Partial<Address> = {}): Omit<Address, 'country'> {
  const address: Partial<Address> = { ...seedAddress(), ...overrides };
  delete address.country;
  return address as Omit<Address, 'country'>;
}

const twoPhones = () =>
  seedEditable({
    phones: [
      { number: '0623456789', type: 'MOBILE' },
      { number: '+33145678901', type: 'HOME' },
    ],
  });

// ── rule 5: empty diff ──────────────────────────────────────────────────────────────────────────

describe('saveProfileForm — rule 5: nothing to save', () => {
  it('rule 5: the untouched form → nothing_to_save, no GET and no PATCH', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base);
    const state = await saveProfileForm(form, up.deps);
    const result = expectStatus(state, 'nothing_to_save');
    expect(result.values).toEqual(typed(form));
    expect(result.base).toEqual(base);
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('rule 3 / P1: formatting-only edits (spaces, phone spelling) are not changes → nothing_to_save, no upstream call', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, { first_name: '  Tom ', last_name: 'Smith\u200B', 'phones.0.number': '+33 6 23 45 67 89' });
    expectStatus(await saveProfileForm(form, up.deps), 'nothing_to_save');
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('D2: a null field left empty and fields absent from the post are no change → nothing_to_save', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, { fourth_name: '', last_name: null, 'address.city': null, 'phones.0.number': null, 'phones.0.type': null, 'phones.present': null });
    expectStatus(await saveProfileForm(form, up.deps), 'nothing_to_save');
    expect(up.calls).toEqual([]);
  });
});

// ── rule 3: what goes into the PATCH ────────────────────────────────────────────────────────────

describe('saveProfileForm — rule 3: only changed keys are sent', () => {
  it('rule 3/7: one changed key → PATCH carries exactly that key, normalised; saved with its key; one GET, one PATCH', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { first_name: '  Thomas ' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['first_name'] });
    expect(up.calls).toEqual([{ patch: { first_name: 'Thomas' }, forceAddress: false }]);
    expect(up.fetchCurrent).toHaveBeenCalledTimes(1);
    expect(up.server).toEqual({ ...base, first_name: 'Thomas' });
  });

  it('D1: second name James emptied → "second_name": null is present in the PATCH and survives JSON', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { second_name: '' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['second_name'] });
    expect(up.calls).toHaveLength(1);
    const { patch } = up.calls[0]!;
    expect(patch).toEqual({ second_name: null });
    expect(Object.keys(patch)).toEqual(['second_name']);
    expect('second_name' in patch && patch.second_name === null).toBe(true);
    expect(JSON.stringify(patch)).toBe('{"second_name":null}');
    expect(up.server.second_name).toBeNull();
  });

  it('D1: a whitespace-only value also clears (sent as null)', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    await saveProfileForm(saveFormFor(base, { third_name: ' \u00A0 ' }), up.deps);
    expect(up.calls).toEqual([{ patch: { third_name: null }, forceAddress: false }]);
  });

  it('D2: fields absent from the post (disabled, collapsed, not rendered) are never sent, never cleared', async () => {
    const base = twoPhones();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, {
      first_name: 'Thomas',
      last_name: null,
      second_name: null,
      email: null,
      'phones.present': null,
      'phones.0.number': null,
      'phones.0.type': null,
      'phones.1.number': null,
      'phones.1.type': null,
      'address.city': null,
      'address.zip_code': null,
      'address.country_code': null,
    });
    const state = await saveProfileForm(form, up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['first_name'] });
    expect(up.calls).toEqual([{ patch: { first_name: 'Thomas' }, forceAddress: false }]);
    expect(up.server).toEqual({ ...base, first_name: 'Thomas' });
  });

  it('D2: a null field left empty is not sent alongside a real change', async () => {
    const base = seedEditable();
    expect(base.fourth_name).toBeNull();
    const up = fakeUpstream(base);
    await saveProfileForm(saveFormFor(base, { fourth_name: '', birth_city: 'Lyon' }), up.deps);
    expect(up.calls).toEqual([{ patch: { birth_city: 'Lyon' }, forceAddress: false }]);
    expect(Object.keys(up.calls[0]!.patch)).toEqual(['birth_city']);
  });

  it('D3: a crafted post with gm_number, loyalty_program, customer_id (and friends) → none reach the PATCH', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, {
      first_name: 'Thomas',
      gm_number: '999999999',
      loyalty_program: '{"status":"PLATINUM","points":999999}',
      'loyalty_program.status': 'PLATINUM',
      'loyalty_program.points': '999999',
      customer_id: '987654321',
      identity: '{"number":"X","type":"PASSPORT"}',
      customer_status: 'VIP',
      locale: 'en-GB',
      '$ACTION_ID_abc': '',
    });
    const state = await saveProfileForm(form, up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['first_name'] });
    expect(up.calls).toHaveLength(1);
    expect(up.calls[0]).toEqual({ patch: { first_name: 'Thomas' }, forceAddress: false });
    expect(Object.keys(up.calls[0]!.patch)).toEqual(['first_name']);
  });

  it('D3: only tampered fields (and a base that claims read-only keys) → nothing_to_save, no upstream call', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, {
      [BASE_FIELD]: JSON.stringify({ ...base, gm_number: '1', loyalty_program: { status: 'SILVER' }, customer_id: '1' }),
      gm_number: '999999999',
      loyalty_program: 'PLATINUM',
      customer_id: '987654321',
    });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'nothing_to_save');
    expect(state.base).toEqual(base);
    expect(state.values).not.toHaveProperty('gm_number');
    expect(state.values).not.toHaveProperty('customer_id');
    expect(state.values).not.toHaveProperty('loyalty_program');
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('D5: last name `Null` and second name `undefined` are stored as that text, not cleared', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { last_name: 'Null', second_name: 'undefined', third_name: 'null' }), up.deps);
    expect(expectStatus(state, 'saved').patchedKeys.sort()).toEqual(['last_name', 'second_name', 'third_name']);
    expect(up.calls).toEqual([{ patch: { second_name: 'undefined', third_name: 'null', last_name: 'Null' }, forceAddress: false }]);
    expect(up.server.last_name).toBe('Null');
    expect(up.server.second_name).toBe('undefined');
    expect(up.server.third_name).toBe('null');
  });

  it('P5: changing only phone 2’s type → PATCH carries both phones in their order', async () => {
    const base = twoPhones();
    const up = fakeUpstream(base);
    await saveProfileForm(saveFormFor(base, { 'phones.1.type': 'OFFICE' }), up.deps);
    expect(up.calls).toEqual([
      {
        patch: {
          phones: [
            { number: '0623456789', type: 'MOBILE' },
            { number: '+33145678901', type: 'OFFICE' },
          ],
        },
        forceAddress: false,
      },
    ]);
  });

  it('P5: deleting all phones → PATCH carries "phones": [] (key never omitted)', async () => {
    const base = twoPhones();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(
      saveFormFor(base, { 'phones.0.number': '', 'phones.1.number': '' }),
      up.deps,
    );
    expect(state).toEqual({ status: 'saved', patchedKeys: ['phones'] });
    expect(up.calls).toEqual([{ patch: { phones: [] }, forceAddress: false }]);
    expect(up.server.phones).toEqual([]);
  });

  it('P2: a new number without + is read with the address country and sent as E.164', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    await saveProfileForm(saveFormFor(base, { 'phones.1.number': '06 85 12 34 56', 'phones.1.type': 'HOME' }), up.deps);
    expect(up.calls).toEqual([
      {
        patch: {
          phones: [
            { number: '0623456789', type: 'MOBILE' },
            { number: '+33685123456', type: 'HOME' },
          ],
        },
        forceAddress: false,
      },
    ]);
  });

  it('A4: only the zip changes → the PATCH has the complete address (every editable sub-key); a GET afterwards still has city and country_code', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { 'address.zip_code': '13100' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['address'] });
    expect(up.calls).toHaveLength(1);
    const { patch, forceAddress } = up.calls[0]!;
    expect(forceAddress).toBe(false);
    expect(Object.keys(patch)).toEqual(['address']);
    expect(patch.address).toEqual(completeAddress({ zip_code: '13100' }));
    expect(Object.keys(patch.address!).sort()).toEqual([...EDITABLE_ADDRESS_KEYS].sort());
    const after = await up.deps.fetchCurrent();
    expect(after.address).toMatchObject({ city: 'Aix-en-Provence', zip_code: '13100', country_code: 'FR' });
  });

  it('A1: a zip with a leading zero stays a string', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    await saveProfileForm(saveFormFor(base, { 'address.zip_code': '06000', 'address.city': 'Nice' }), up.deps);
    expect(up.calls[0]!.patch.address).toEqual(completeAddress({ zip_code: '06000', city: 'Nice' }));
  });

  it('emptying every address field → "address": null', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const cleared = Object.fromEntries(EDITABLE_ADDRESS_KEYS.map((key) => [`address.${key}`, '']));
    await saveProfileForm(saveFormFor(base, cleared), up.deps);
    expect(up.calls).toEqual([{ patch: { address: null }, forceAddress: false }]);
  });
});

// ── rule 4: no lost updates (D4) ────────────────────────────────────────────────────────────────

describe('saveProfileForm — rule 4: two tabs (D4)', () => {
  const newPhones = [
    { number: '0623456789', type: 'MOBILE' },
    { number: '+33700000000', type: 'HOME' },
  ];
  const phoneChange = { 'phones.1.number': '07 00 00 00 00', 'phones.1.type': 'HOME' };

  /** Tab B is opened at the seed; tab A then saves a new email (and first name) directly. */
  function twoTabs() {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ email: 'tom.a@example.com', first_name: 'Thomas' });
    return { base, up };
  }

  it('D4: tab A changed the email; tab B changed only phones → B sends only phones, A’s email survives', async () => {
    const { base, up } = twoTabs();
    const state = await saveProfileForm(saveFormFor(base, phoneChange), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['phones'] });
    expect(up.calls).toEqual([{ patch: { phones: newPhones }, forceAddress: false }]);
    expect(up.server.email).toBe('tom.a@example.com');
    expect(up.server.first_name).toBe('Thomas');
    expect(up.server.phones).toEqual(newPhones);
  });

  it('D4: tab B also changed the email to another value → conflict, NO PATCH, base = server now, typed values kept, untouched fields show the server', async () => {
    const { base, up } = twoTabs();
    const serverBefore = up.server;
    const form = saveFormFor(base, { email: 'tom.b@example.com', ...phoneChange });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'conflict');

    expect(up.patchFn).not.toHaveBeenCalled();
    expect(up.server).toEqual(serverBefore);
    expect(state.base).toEqual(serverBefore);
    expect(state.conflicts).toEqual([
      { key: 'email', base: 'tom@example.com', current: 'tom.a@example.com', mine: 'tom.b@example.com' },
    ]);
    // What the user typed, for the keys they changed.
    expect(state.values.email).toBe('tom.b@example.com');
    expect(state.values['phones.0.number']).toBe('0623456789');
    expect(state.values['phones.1.number']).toBe('07 00 00 00 00');
    expect(state.values['phones.1.type']).toBe('HOME');
    // The server's values for keys they did not touch (not the stale base's).
    expect(state.values.first_name).toBe('Thomas');
    expect(state.values.last_name).toBe('Smith');
    expect(state.values.second_name).toBe('James');
    expect(state.values['address.city']).toBe('Aix-en-Provence');
    expect(state.values['address.country_code']).toBe('FR');
  });

  async function conflictState() {
    const { base, up } = twoTabs();
    const state = expectStatus(
      await saveProfileForm(saveFormFor(base, { email: 'tom.b@example.com', ...phoneChange }), up.deps),
      'conflict',
    );
    up.fetchCurrent.mockClear();
    return { up, state };
  }

  it('D4: resubmitting the conflict form with resolve.email=mine → email and phones patched, A’s first name not sent back', async () => {
    const { up, state } = await conflictState();
    const form = formFromValues(state.values, state.base, [
      [CONFLICT_KEYS_FIELD, 'email'],
      [resolveField('email'), 'mine'],
    ]);
    const result = await saveProfileForm(form, up.deps);
    expect(expectStatus(result, 'saved').patchedKeys.sort()).toEqual(['email', 'phones']);
    expect(up.calls).toEqual([{ patch: { email: 'tom.b@example.com', phones: newPhones }, forceAddress: false }]);
    expect(up.server.email).toBe('tom.b@example.com');
    expect(up.server.first_name).toBe('Thomas');
  });

  it('D4: resubmitting with resolve.email=theirs → email not sent, the server’s email stays', async () => {
    const { up, state } = await conflictState();
    const form = formFromValues(state.values, state.base, [
      [CONFLICT_KEYS_FIELD, 'email'],
      [resolveField('email'), 'theirs'],
    ]);
    const result = await saveProfileForm(form, up.deps);
    expect(result).toEqual({ status: 'saved', patchedKeys: ['phones'] });
    expect(up.calls).toEqual([{ patch: { phones: newPhones }, forceAddress: false }]);
    expect(up.server.email).toBe('tom.a@example.com');
  });

  it('D4: resubmitting with no resolution → the conflict is asked again (email unresolved), no GET, no PATCH, values kept', async () => {
    const { up, state } = await conflictState();
    const form = formFromValues(state.values, state.base, [[CONFLICT_KEYS_FIELD, 'email']]);
    const result = expectStatus(await saveProfileForm(form, up.deps), 'conflict');
    expect(result.unresolved).toEqual(['email']);
    expect(result.conflicts.map((c) => c.key)).toEqual(['email']);
    expect(result.conflicts[0]?.current).toEqual(state.base.email);
    expect(result.values).toEqual(typed(form));
    expect(result.base).toEqual(state.base);
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('D4: a resolution value other than mine/theirs is refused like no resolution', async () => {
    const { up, state } = await conflictState();
    const form = formFromValues(state.values, state.base, [
      [CONFLICT_KEYS_FIELD, 'email'],
      [resolveField('email'), 'both'],
    ]);
    const result = expectStatus(await saveProfileForm(form, up.deps), 'conflict');
    expect(result.unresolved).toEqual(['email']);
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('D4: the server already holds the user’s value → no conflict, that key dropped from the PATCH', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ email: 'tom.b@example.com' });
    const state = await saveProfileForm(saveFormFor(base, { email: 'tom.b@example.com', ...phoneChange }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['phones'] });
    expect(up.calls).toEqual([{ patch: { phones: newPhones }, forceAddress: false }]);
  });

  it('D4: the server already holds the only change → saved with no PATCH call', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ email: 'tom.b@example.com' });
    const state = await saveProfileForm(saveFormFor(base, { email: 'tom.b@example.com' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: [] });
    expect(up.fetchCurrent).toHaveBeenCalledTimes(1);
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('D4/D1: clearing a field the other tab changed → conflict, the other tab’s value is not cleared', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ second_name: 'Jim' });
    const state = expectStatus(await saveProfileForm(saveFormFor(base, { second_name: '' }), up.deps), 'conflict');
    expect(state.conflicts).toEqual([{ key: 'second_name', base: 'James', current: 'Jim', mine: null }]);
    expect(state.values.second_name).toBe('');
    expect(up.patchFn).not.toHaveBeenCalled();
    expect(up.server.second_name).toBe('Jim');
  });

  it('D4/A4: another tab changed the city while this tab changed the zip → address conflict, nothing written', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ address: { ...seedAddress(), city: 'Marseille' } });
    const state = expectStatus(await saveProfileForm(saveFormFor(base, { 'address.zip_code': '13100' }), up.deps), 'conflict');
    expect(state.conflicts.map((c) => c.key)).toEqual(['address']);
    expect(state.values['address.zip_code']).toBe('13100');
    expect(state.values['address.city']).toBe('Aix-en-Provence'); // what this tab posted for its address
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('F2: the same form submitted twice in a row (double click without JS) → one PATCH', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const first = await saveProfileForm(saveFormFor(base, { first_name: 'Thomas' }), up.deps);
    const second = await saveProfileForm(saveFormFor(base, { first_name: 'Thomas' }), up.deps);
    expect(first).toEqual({ status: 'saved', patchedKeys: ['first_name'] });
    expect(second).toEqual({ status: 'saved', patchedKeys: [] });
    expect(up.calls).toEqual([{ patch: { first_name: 'Thomas' }, forceAddress: false }]);
  });
});

// ── rule 6: ADDRESS_NOT_RECOGNIZED (A2) ─────────────────────────────────────────────────────────

describe('saveProfileForm — rule 6: address confirmation (A2)', () => {
  const lyon = { 'address.zip_code': '75001', 'address.city': 'Lyon' };
  const lyonAddress = completeAddress({ zip_code: '75001', city: 'Lyon' });

  async function confirmState() {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, { ...lyon, second_name: 'Jim' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'confirm_address');
    return { base, up, form, state };
  }

  it('A2: 75001 + Lyon → PATCH answers 400 ADDRESS_NOT_RECOGNIZED → confirm_address with the typed values and the same base; nothing stored', async () => {
    const { base, up, form, state } = await confirmState();
    expect(state.values).toEqual(typed(form));
    expect(state.values['address.zip_code']).toBe('75001');
    expect(state.values['address.city']).toBe('Lyon');
    expect(state.values.second_name).toBe('Jim');
    expect(state.base).toEqual(base);
    expect(up.calls).toEqual([{ patch: { second_name: 'Jim', address: lyonAddress }, forceAddress: false }]);
    expect(up.server).toEqual(base);
  });

  it('A2: "Keep this address" (intent=keep_address) → PATCH with forceAddress true, the very same complete address and the other changed keys', async () => {
    const { up, state } = await confirmState();
    const keep = formFromValues(state.values, state.base, [[INTENT_FIELD, 'keep_address']]);
    const result = await saveProfileForm(keep, up.deps);
    expect(expectStatus(result, 'saved').patchedKeys.sort()).toEqual(['address', 'second_name']);
    expect(up.calls).toHaveLength(2);
    expect(up.calls[1]).toEqual({ patch: { second_name: 'Jim', address: lyonAddress }, forceAddress: true });
    expect(Object.keys(up.calls[1]!.patch.address!).sort()).toEqual([...EDITABLE_ADDRESS_KEYS].sort());
    expect(up.calls[1]!.patch.address).toEqual(up.calls[0]!.patch.address);
    expect(up.calls[1]!.patch.address!.country_code).toBe('FR');
    expect(up.server.second_name).toBe('Jim');
    expect(up.server.address).toMatchObject({ zip_code: '75001', city: 'Lyon', country_code: 'FR' });
  });

  it('A2: the next ordinary save after "Keep" carries no force flag', async () => {
    const { up, state } = await confirmState();
    await saveProfileForm(formFromValues(state.values, state.base, [[INTENT_FIELD, 'keep_address']]), up.deps);
    const fresh = up.server; // the page re-renders from the server after a save (rule 7)
    const next = await saveProfileForm(saveFormFor(fresh, { third_name: 'Ed' }), up.deps);
    expect(next).toEqual({ status: 'saved', patchedKeys: ['third_name'] });
    expect(up.calls).toHaveLength(3);
    expect(up.calls[2]).toEqual({ patch: { third_name: 'Ed' }, forceAddress: false });
  });

  it('A2: the next save that changes the address again is not forced (the flag was for that request only)', async () => {
    const { up, state } = await confirmState();
    await saveProfileForm(formFromValues(state.values, state.base, [[INTENT_FIELD, 'keep_address']]), up.deps);
    const fresh = up.server;
    const next = await saveProfileForm(saveFormFor(fresh, { 'address.number': '3' }), up.deps);
    expectStatus(next, 'confirm_address');
    expect(up.calls[2]).toEqual({ patch: { address: completeAddress({ zip_code: '75001', city: 'Lyon', number: '3' }) }, forceAddress: false });
  });

  it('A2: intent=keep_address with no address change → forceAddress false', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { second_name: 'Jim', [INTENT_FIELD]: 'keep_address' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['second_name'] });
    expect(up.calls).toEqual([{ patch: { second_name: 'Jim' }, forceAddress: false }]);
  });

  it('A2: "Edit address" (intent=edit_address) → editing with the typed values, no GET, no PATCH', async () => {
    const { base, up, state } = await confirmState();
    up.fetchCurrent.mockClear();
    const form = formFromValues(state.values, state.base, [[INTENT_FIELD, 'edit_address']]);
    const result = expectStatus(await saveProfileForm(form, up.deps), 'editing');
    expect(result.values).toEqual(typed(form));
    expect(result.values['address.city']).toBe('Lyon');
    expect(result.base).toEqual(base);
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.calls).toHaveLength(1); // only the first, refused, attempt
  });

  it('A2: an unknown intent value is an ordinary save (never forced)', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const state = await saveProfileForm(saveFormFor(base, { ...lyon, [INTENT_FIELD]: 'force' }), up.deps);
    expectStatus(state, 'confirm_address');
    expect(up.calls).toEqual([{ patch: { address: lyonAddress }, forceAddress: false }]);
  });
});

// ── rule 6: other 400s ──────────────────────────────────────────────────────────────────────────

describe('saveProfileForm — rule 6: other 400s', () => {
  function badRequest(issues: { error_code?: string; concerned_key?: string; error_description?: string }[]) {
    return new UpstreamError('bad_request', 'Bad request', { status: 400, issues });
  }

  it('rule 6: 400 on concerned_key phones[0].number → invalid with the error on phones.0.number, typed values kept', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base, {
      patchErrors: [badRequest([{ error_code: 'INVALID_PHONE', concerned_key: 'phones[0].number', error_description: 'Unknown range' }])],
    });
    const form = saveFormFor(base, { 'phones.0.number': '06 99 99 99 99' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'invalid');
    expect(Object.keys(state.fieldErrors)).toEqual(['phones.0.number']);
    expect(state.fieldErrors['phones.0.number']).toEqual([
      { code: 'upstream', params: { message: 'Unknown range', error_code: 'INVALID_PHONE' } },
    ]);
    expect(state.formErrors).toEqual([]);
    expect(state.values).toEqual(typed(form));
    expect(state.base).toEqual(base);
    expect(up.patchFn).toHaveBeenCalledTimes(1);
  });

  it('rule 6: 400 on concerned_key gm_number (not a form field) → a form error, no field error', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base, {
      patchErrors: [badRequest([{ error_code: 'READ_ONLY', concerned_key: 'gm_number', error_description: 'gm_number is read-only' }])],
    });
    const form = saveFormFor(base, { first_name: 'Thomas' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'invalid');
    expect(state.fieldErrors).toEqual({});
    expect(state.formErrors).toEqual(['gm_number is read-only']);
    expect(state.values).toEqual(typed(form));
    expect(up.patchFn).toHaveBeenCalledTimes(1);
  });

  it('rule 6: a 400 with an unreadable body (no errors[]) still tells the user something (a form error)', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base, { patchErrors: [new UpstreamError('bad_request', 'Upstream answered 400', { status: 400 })] });
    const form = saveFormFor(base, { first_name: 'Thomas' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'invalid');
    expect(state.values).toEqual(typed(form));
    expect(state.formErrors.length + Object.keys(state.fieldErrors).length).toBeGreaterThan(0);
  });
});

// ── rule 8: failures keep what was typed (F1) ───────────────────────────────────────────────────

describe('saveProfileForm — rule 8: failures keep the typing, no blind retry (F1)', () => {
  const cases: { name: string; error: () => UpstreamError; reason: string; retryAfterSeconds?: number }[] = [
    { name: '401', error: () => new UpstreamError('unauthorized', 'x', { status: 401 }), reason: 'signed_out' },
    { name: '403', error: () => new UpstreamError('forbidden', 'x', { status: 403 }), reason: 'forbidden' },
    { name: '404', error: () => new UpstreamError('not_found', 'x', { status: 404 }), reason: 'not_found' },
    {
      name: '429 with Retry-After',
      error: () => new UpstreamError('rate_limited', 'x', { status: 429, retryAfterSeconds: 17 }),
      reason: 'rate_limited',
      retryAfterSeconds: 17,
    },
    { name: '500', error: () => new UpstreamError('server', 'x', { status: 500 }), reason: 'unavailable' },
    { name: '503', error: () => new UpstreamError('server', 'x', { status: 503 }), reason: 'unavailable' },
    { name: 'timeout', error: () => new UpstreamError('timeout', 'x'), reason: 'unavailable' },
    { name: 'network', error: () => new UpstreamError('network', 'x'), reason: 'unavailable' },
    { name: 'malformed 2xx', error: () => new UpstreamError('malformed', 'x', { status: 200 }), reason: 'unavailable' },
  ];

  const edits = { first_name: 'Thomas', second_name: '', 'phones.0.number': '07 11 22 33 44', 'address.zip_code': '13100' };

  for (const c of cases) {
    it(`F1: PATCH fails with ${c.name} → failed ${c.reason}${c.retryAfterSeconds ? ` (${c.retryAfterSeconds}s)` : ''}, typed values kept, PATCH called once`, async () => {
      const base = seedEditable();
      const up = fakeUpstream(base, { patchErrors: [c.error()] });
      const form = saveFormFor(base, edits);
      const state = expectStatus(await saveProfileForm(form, up.deps), 'failed');
      expect(state.reason).toBe(c.reason);
      expect(state.retryAfterSeconds).toBe(c.retryAfterSeconds);
      expect(state.values).toEqual(typed(form));
      expect(state.values).toMatchObject({ first_name: 'Thomas', second_name: '', 'phones.0.number': '07 11 22 33 44', 'address.zip_code': '13100' });
      expect(state.base).toEqual(base);
      expect(up.patchFn).toHaveBeenCalledTimes(1);
      expect(up.fetchCurrent).toHaveBeenCalledTimes(1);
      expect(up.server).toEqual(base);
    });

    it(`F1: the GET before the PATCH fails with ${c.name} → failed ${c.reason}, typed values kept, no PATCH`, async () => {
      const base = seedEditable();
      const up = fakeUpstream(base, { fetchErrors: [c.error()] });
      const form = saveFormFor(base, edits);
      const state = expectStatus(await saveProfileForm(form, up.deps), 'failed');
      expect(state.reason).toBe(c.reason);
      expect(state.retryAfterSeconds).toBe(c.retryAfterSeconds);
      expect(state.values).toEqual(typed(form));
      expect(up.fetchCurrent).toHaveBeenCalledTimes(1);
      expect(up.patchFn).not.toHaveBeenCalled();
    });
  }

  it('S3: token expired mid-edit (401) → signed_out with the draft kept; resubmitting that draft after signing in saves it', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base, { patchErrors: [new UpstreamError('unauthorized', 'expired', { status: 401 })] });
    const form = saveFormFor(base, { first_name: 'Thomas', second_name: '' });
    const failed = expectStatus(await saveProfileForm(form, up.deps), 'failed');
    expect(failed.reason).toBe('signed_out');
    const again = await saveProfileForm(formFromValues(failed.values, failed.base ?? base), up.deps);
    expect(expectStatus(again, 'saved').patchedKeys.sort()).toEqual(['first_name', 'second_name']);
    expect(up.calls).toEqual([
      { patch: { first_name: 'Thomas', second_name: null }, forceAddress: false },
      { patch: { first_name: 'Thomas', second_name: null }, forceAddress: false },
    ]);
  });

  it('F1: an invalid phone → invalid with the error beside it, no upstream call, every typed value kept', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, {
      first_name: 'Thomas',
      second_name: '',
      'phones.0.number': '12',
      'phones.1.number': '07 00 00 00 00',
      'phones.1.type': 'HOME',
      'address.city': 'Lyon',
    });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'invalid');
    expect(Object.keys(state.fieldErrors)).toEqual(['phones.0.number']);
    expect(state.fieldErrors['phones.0.number']?.[0]?.code).toBe('invalid_phone');
    expect(state.formErrors).toEqual([]);
    expect(state.values).toEqual(typed(form));
    expect(state.values).toMatchObject({ first_name: 'Thomas', second_name: '', 'phones.0.number': '12', 'phones.1.number': '07 00 00 00 00', 'address.city': 'Lyon' });
    expect(state.base).toEqual(base);
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('F1: clearing a required field (email) → invalid, no upstream call, values kept', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, { email: '', first_name: 'Thomas' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'invalid');
    expect(Object.keys(state.fieldErrors)).toEqual(['email']);
    expect(state.values).toEqual(typed(form));
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });
});

// ── rule 1: the base ────────────────────────────────────────────────────────────────────────────

describe('saveProfileForm — rule 1: the base travels with the form (F6)', () => {
  const garbage: [string, string | null][] = [
    ['missing', null],
    ['empty', ''],
    ['not JSON', 'not json'],
    ['truncated JSON', '{"email":"tom@example.com","phones":['],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a JSON number', '42'],
    ['a wrong type for a key', JSON.stringify({ ...seedEditable(), email: 42 })],
    ['phones not a list', JSON.stringify({ ...seedEditable(), phones: 'x' })],
  ];

  for (const [name, value] of garbage) {
    it(`F6: base ${name} → failed stale, values kept, no upstream call`, async () => {
      const base = seedEditable();
      const up = fakeUpstream(base);
      const form = saveFormFor(base, { first_name: 'Thomas', [BASE_FIELD]: value });
      const state = expectStatus(await saveProfileForm(form, up.deps), 'failed');
      expect(state.reason).toBe('stale');
      expect(state.values).toEqual(typed(form));
      expect(state.values.first_name).toBe('Thomas');
      expect(up.fetchCurrent).not.toHaveBeenCalled();
      expect(up.patchFn).not.toHaveBeenCalled();
    });
  }

  it('F6: a base that is a JSON object but not a profile ({}) → failed stale, no upstream call', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    const form = saveFormFor(base, { first_name: 'Thomas', [BASE_FIELD]: '{}' });
    const state = expectStatus(await saveProfileForm(form, up.deps), 'failed');
    expect(state.reason).toBe('stale');
    expect(up.fetchCurrent).not.toHaveBeenCalled();
    expect(up.patchFn).not.toHaveBeenCalled();
  });

  it('rule 3: the diff is against the posted base, not the server: a key changed elsewhere but untouched here is not sent', async () => {
    const base = seedEditable();
    const up = fakeUpstream(base);
    up.setServer({ last_name: 'Smyth' });
    const state = await saveProfileForm(saveFormFor(base, { birth_city: 'Lyon' }), up.deps);
    expect(state).toEqual({ status: 'saved', patchedKeys: ['birth_city'] });
    expect(up.calls).toEqual([{ patch: { birth_city: 'Lyon' }, forceAddress: false }]);
    expect(up.server.last_name).toBe('Smyth');
  });
});
