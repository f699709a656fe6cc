/**
 * The seed customer from contract.md (customer 123456789, Tom Smith), for tests. Functions, not
 * constants, so a test that mutates its copy cannot leak into another.
 */
import { BASE_FIELD } from './form-fields';
import { toEditable } from './schema';
import {
  EDITABLE_ADDRESS_KEYS,
  EDITABLE_TEXT_KEYS,
  type Address,
  type EditableProfile,
  type EditableTextKey,
  type Profile,
} from './types';

/** The GET /v2 body the sandbox serves for the seed customer. */
export function seedProfileJson(): Record<string, unknown> {
  return {
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
    address: seedAddress(),
    optins: [],
    personal_data_usage_allowed: null,
    identity: null,
    loyalty_program: {
      status: 'GOLD',
      previous_status: 'SILVER',
      is_platinum_for_life: false,
      platinum_for_life_since: null,
      points: 1200,
    },
    customer_type: null,
    customer_status: null,
    locale: 'fr-FR',
  };
}

export function seedAddress(): Address {
  return {
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
  };
}

export function seedProfile(): Profile {
  const { loyalty_program, ...rest } = seedProfileJson();
  return {
    ...(rest as Omit<Profile, 'loyalty_program' | 'extra'>),
    loyalty_program: loyalty_program as Profile['loyalty_program'],
    extra: {},
  };
}

export function seedEditable(overrides: Partial<EditableProfile> = {}): EditableProfile {
  return { ...toEditable(seedProfile()), ...overrides };
}

/**
 * The form as the page renders it for `profile` (every field and section marker), with
 * `changes` applied: a string replaces a field's value, `null` removes the field from the post.
 */
export function formFor(
  profile: EditableProfile,
  changes: Record<string, string | null> = {},
): FormData {
  const entries = new Map<string, string>();
  for (const key of EDITABLE_TEXT_KEYS) entries.set(key, formText(key, profile[key]));
  entries.set('phones.present', '1');
  profile.phones.forEach((phone, i) => {
    entries.set(`phones.${i}.number`, phone.number);
    entries.set(`phones.${i}.type`, phone.type);
  });
  entries.set('address.present', '1');
  for (const key of EDITABLE_ADDRESS_KEYS) entries.set(`address.${key}`, profile.address?.[key] ?? '');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) entries.delete(name);
    else entries.set(name, value);
  }
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** `<input type=date>` shows `YYYYMMDD` as `YYYY-MM-DD`. */
function formText(key: EditableTextKey, value: string | null): string {
  if (key === 'birthdate' && value) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
  return value ?? '';
}

/**
 * `formFor` plus the hidden `base` field (BASE_FIELD) the page renders: the JSON of the profile
 * the form was rendered from. `changes` may override or (with `null`) remove `base` too.
 */
export function saveFormFor(
  profile: EditableProfile,
  changes: Record<string, string | null> = {},
): FormData {
  return formFor(profile, { [BASE_FIELD]: JSON.stringify(profile), ...changes });
}

/**
 * The form as the page re-renders it from a save state (`values`, `base`): the hidden base, the
 * section markers, the text fields the values hold, the phone rows and every address field;
 * `extra` entries (intent, conflict_keys, resolve.*) are appended as given.
 */
export function formFromValues(
  values: Record<string, string>,
  base: EditableProfile,
  extra: ReadonlyArray<readonly [string, string]> = [],
): FormData {
  const form = new FormData();
  form.append(BASE_FIELD, JSON.stringify(base));
  for (const key of EDITABLE_TEXT_KEYS) if (key in values) form.append(key, values[key] ?? '');
  form.append('phones.present', '1');
  for (let i = 0; `phones.${i}.number` in values || `phones.${i}.type` in values; i++) {
    form.append(`phones.${i}.number`, values[`phones.${i}.number`] ?? '');
    form.append(`phones.${i}.type`, values[`phones.${i}.type`] ?? 'MOBILE');
  }
  form.append('address.present', '1');
  for (const key of EDITABLE_ADDRESS_KEYS) form.append(`address.${key}`, values[`address.${key}`] ?? '');
  for (const [name, value] of extra) form.append(name, value);
  return form;
}
