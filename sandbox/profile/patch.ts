import { ADDRESS_KEYS, emptyAddress, type StoredAddress, type StoredProfile } from './shape';

/**
 * Validation and application of PATCH /v1/customers/{id}/profile bodies (contract.md).
 * Validation is strict and reports one error per bad key; values are never trimmed or
 * normalised: `null` and `""` become null, anything else is stored exactly as sent.
 *
 * Lengths are counted in Unicode code points (`[...s].length`), like the app does.
 * Limits: names and unicode names, birth_city 100 · civility codes 20 · email 254 (local part 64)
 * · phone number 30, at most 10 phones · optin channel 30, at most 20 optins · identity number 50,
 * type 30 · address sub-keys as contract.md (number 50, street 100, add_on 50, town 100,
 * city 150, zip_code 50, state_or_district 100, country 100, additional_information_* 100).
 */
export type FieldError = { error_code: string; concerned_key: string; error_description: string };

export const NAME_KEYS = [
  'first_name',
  'second_name',
  'third_name',
  'fourth_name',
  'last_name',
  'unicode_first_name',
  'unicode_second_name',
  'unicode_third_name',
  'unicode_fourth_name',
  'unicode_last_name',
] as const;

const TEXT_LIMITS: Record<string, number> = {
  civility: 20,
  unicode_civility: 20,
  birth_city: 100,
  ...Object.fromEntries(NAME_KEYS.map((key) => [key, 100])),
};

export const ADDRESS_LIMITS: Record<(typeof ADDRESS_KEYS)[number], number> = {
  number: 50,
  street: 100,
  add_on: 50,
  town: 100,
  city: 150,
  zip_code: 50,
  state_or_district: 100,
  country: 100,
  country_code: 2,
  additional_information_1: 100,
  additional_information_2: 100,
};

export const EDITABLE_KEYS = [
  'email',
  ...Object.keys(TEXT_LIMITS),
  'birthdate',
  'birth_country_code',
  'language_code',
  'phones',
  'address',
  'optins',
  'personal_data_usage_allowed',
  'identity',
] as const;

export const READ_ONLY_KEYS = new Set([
  'gm_number',
  'gender',
  'birthday',
  'loyalty_program',
  'customer_type',
  'customer_status',
  'locale',
  'health_pass_id',
  'blacklisted',
  'filiation_number',
  '_links',
  'id',
  'customer_id',
]);

export const PHONE_TYPES = ['HOME', 'MOBILE', 'OFFICE'];
const MAX_PHONES = 10;
const MAX_OPTINS = 20;

/** A validated patch: only keys that were sent, `""` already turned into null. */
export type ProfilePatch = Record<string, unknown>;
export type PatchValidation = { ok: true; patch: ProfilePatch } | { ok: false; errors: FieldError[] };

const length = (value: string) => [...value].length;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2, upper case, known to ICU (so `XX` or `ZZ` fail). */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  const name = REGION_NAMES.of(value);
  return name !== undefined && name !== 'Unknown Region';
}

/** RFC 5321/5322 shape with internationalised (RFC 6531) characters allowed. */
export function isValidEmail(value: string): 'ok' | 'LOCAL_PART_TOO_LONG' | 'TOO_LONG' | 'INVALID_EMAIL' {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return 'INVALID_EMAIL';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const atom = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
  if (!local.split('.').every((part) => atom.test(part))) return 'INVALID_EMAIL';
  const labels = domain.split('.');
  const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
  if (labels.length < 2 || !labels.every((part) => label.test(part) && length(part) <= 63)) return 'INVALID_EMAIL';
  if (Buffer.byteLength(local, 'utf8') > 64) return 'LOCAL_PART_TOO_LONG';
  if (Buffer.byteLength(value, 'utf8') > 254) return 'TOO_LONG';
  return 'ok';
}

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A phone number as the API accepts it: digits with optional `+`, spaces, dots, dashes, parentheses; 4–15 digits. */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 .()-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 4 && digits <= 15;
}

class Collector {
  readonly errors: FieldError[] = [];
  add(error_code: string, concerned_key: string, error_description: string) {
    this.errors.push({ error_code, concerned_key, error_description });
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Checks a string-or-null value; returns false (after reporting) when it is unusable. */
function checkText(out: Collector, key: string, value: unknown, max: number): value is string | null {
  if (value === null) return true;
  if (typeof value !== 'string') {
    out.add('INVALID_TYPE', key, `${key} must be a string or null, got ${typeName(value)}`);
    return false;
  }
  if (length(value) > max) {
    out.add('TOO_LONG', key, `${key} must be at most ${max} characters`);
    return false;
  }
  return true;
}

const emptyToNull = (value: unknown) => (value === '' ? null : value);

function validatePhones(out: Collector, value: unknown): unknown {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    out.add('INVALID_TYPE', 'phones', 'phones must be an array or null');
    return undefined;
  }
  if (value.length > MAX_PHONES) {
    out.add('TOO_MANY_ITEMS', 'phones', `At most ${MAX_PHONES} phones`);
    return undefined;
  }
  value.forEach((phone, index) => {
    const path = `phones.${index}`;
    if (!isPlainObject(phone)) {
      out.add('INVALID_TYPE', path, `${path} must be an object {number, type}`);
      return;
    }
    for (const key of Object.keys(phone)) {
      if (key !== 'number' && key !== 'type') out.add('UNKNOWN_KEY', `${path}.${key}`, `${key} is not a phone key`);
    }
    const number = phone.number;
    if (typeof number !== 'string' || number === '') {
      out.add(typeof number === 'string' ? 'REQUIRED' : 'INVALID_TYPE', `${path}.number`, 'A phone needs a number (string)');
    } else if (length(number) > 30) {
      out.add('TOO_LONG', `${path}.number`, 'A phone number must be at most 30 characters');
    } else if (!isPhoneNumber(number)) {
      out.add('INVALID_PHONE', `${path}.number`, `${number} is not a phone number`);
    }
    if (typeof phone.type !== 'string' || !PHONE_TYPES.includes(phone.type)) {
      out.add('INVALID_PHONE_TYPE', `${path}.type`, `The phone type must be one of ${PHONE_TYPES.join(', ')}`);
    }
  });
  return value;
}

function validateOptins(out: Collector, value: unknown): unknown {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    out.add('INVALID_TYPE', 'optins', 'optins must be an array or null');
    return undefined;
  }
  if (value.length > MAX_OPTINS) {
    out.add('TOO_MANY_ITEMS', 'optins', `At most ${MAX_OPTINS} optins`);
    return undefined;
  }
  value.forEach((optin, index) => {
    const path = `optins.${index}`;
    if (!isPlainObject(optin)) {
      out.add('INVALID_TYPE', path, `${path} must be an object {channel, optin, optin_partners?}`);
      return;
    }
    for (const key of Object.keys(optin)) {
      if (!['channel', 'optin', 'optin_partners'].includes(key)) out.add('UNKNOWN_KEY', `${path}.${key}`, `${key} is not an optin key`);
    }
    if (typeof optin.channel !== 'string' || !/^[A-Z][A-Z_]*$/.test(optin.channel) || optin.channel.length > 30) {
      out.add('INVALID_CHANNEL', `${path}.channel`, 'The channel must be an upper-case code such as EMAIL or SMS');
    }
    if (typeof optin.optin !== 'boolean') out.add('INVALID_TYPE', `${path}.optin`, 'optin must be a boolean');
    if (optin.optin_partners !== undefined && optin.optin_partners !== null && typeof optin.optin_partners !== 'boolean') {
      out.add('INVALID_TYPE', `${path}.optin_partners`, 'optin_partners must be a boolean or null');
    }
  });
  return value;
}

function validateAddress(out: Collector, value: unknown): unknown {
  if (value === null) return null;
  if (!isPlainObject(value)) {
    out.add('INVALID_TYPE', 'address', 'address must be an object or null');
    return undefined;
  }
  const result: Partial<StoredAddress> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = `address.${key}`;
    if (!(ADDRESS_KEYS as readonly string[]).includes(key)) {
      out.add('UNKNOWN_KEY', path, `${key} is not an address key`);
      continue;
    }
    if (inner === undefined) continue;
    const addressKey = key as keyof StoredAddress;
    // Codes get a format error rather than a length error.
    const limit = addressKey === 'country_code' ? Infinity : ADDRESS_LIMITS[addressKey];
    if (!checkText(out, path, inner, limit)) continue;
    if (addressKey === 'country_code' && inner && !isCountryCode(inner)) {
      out.add('INVALID_COUNTRY_CODE', path, 'country_code must be an ISO 3166-1 alpha-2 code such as FR');
      continue;
    }
    result[addressKey] = emptyToNull(inner) as string | null;
  }
  return result;
}

function validateIdentity(out: Collector, value: unknown): unknown {
  if (value === null) return null;
  if (!isPlainObject(value)) {
    out.add('INVALID_TYPE', 'identity', 'identity must be an object {number, type} or null');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'number' && key !== 'type') out.add('UNKNOWN_KEY', `identity.${key}`, `${key} is not an identity key`);
  }
  checkText(out, 'identity.number', value.number ?? null, 50);
  checkText(out, 'identity.type', value.type ?? null, 30);
  return { number: emptyToNull(value.number ?? null), type: emptyToNull(value.type ?? null) };
}

function validateKey(out: Collector, key: string, value: unknown): unknown {
  if (key in TEXT_LIMITS) return checkText(out, key, value, TEXT_LIMITS[key]!) ? emptyToNull(value) : undefined;
  switch (key) {
    case 'email': {
      if (!checkText(out, key, value, 254) || !value) return value === null || value === '' ? null : undefined;
      const verdict = isValidEmail(value);
      if (verdict === 'ok') return value;
      const messages = {
        INVALID_EMAIL: `${key} is not a valid email address`,
        LOCAL_PART_TOO_LONG: 'The part before @ must be at most 64 characters',
        TOO_LONG: 'An email address must be at most 254 characters',
      };
      out.add(verdict === 'INVALID_EMAIL' ? 'INVALID_EMAIL' : 'TOO_LONG', key, messages[verdict]);
      return undefined;
    }
    case 'birthdate':
      if (!checkText(out, key, value, Infinity) || !value) return value === null || value === '' ? null : undefined;
      if (!isRealDate(value)) {
        out.add('INVALID_DATE', key, 'birthdate must be a real date written YYYYMMDD');
        return undefined;
      }
      return value;
    case 'birth_country_code':
      if (!checkText(out, key, value, Infinity) || !value) return value === null || value === '' ? null : undefined;
      if (!isCountryCode(value)) {
        out.add('INVALID_COUNTRY_CODE', key, `${key} must be an ISO 3166-1 alpha-2 code such as FR`);
        return undefined;
      }
      return value;
    case 'language_code':
      if (!checkText(out, key, value, Infinity) || !value) return value === null || value === '' ? null : undefined;
      if (!/^[A-Za-z]{2}$/.test(value)) {
        out.add('INVALID_LANGUAGE_CODE', key, `${key} must be an ISO 639-1 code such as FR`);
        return undefined;
      }
      return value;
    case 'personal_data_usage_allowed':
      if (value !== null && typeof value !== 'boolean') {
        out.add('INVALID_TYPE', key, `${key} must be a boolean`);
        return undefined;
      }
      return value;
    case 'phones':
      return validatePhones(out, value);
    case 'optins':
      return validateOptins(out, value);
    case 'address':
      return validateAddress(out, value);
    case 'identity':
      return validateIdentity(out, value);
  }
  throw new Error(`No validator for ${key}`);
}

export function validatePatch(body: unknown): PatchValidation {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      errors: [{ error_code: 'INVALID_BODY', concerned_key: 'body', error_description: 'The body must be a JSON object' }],
    };
  }
  const out = new Collector();
  const patch: ProfilePatch = {};
  for (const [key, value] of Object.entries(body)) {
    if (READ_ONLY_KEYS.has(key)) {
      out.add('READ_ONLY_KEY', key, `${key} cannot be changed`);
    } else if (!(EDITABLE_KEYS as readonly string[]).includes(key)) {
      out.add('UNKNOWN_KEY', key, `${key} is not a profile key`);
    } else {
      const before = out.errors.length;
      const checked = validateKey(out, key, value);
      if (out.errors.length === before) patch[key] = checked;
    }
  }
  return out.errors.length ? { ok: false, errors: out.errors } : { ok: true, patch };
}

/** Country label as served in `address.country`: the region name in the request language, upper case. */
export function countryLabel(countryCode: string, language: string): string | null {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(countryCode);
    return name ? name.toLocaleUpperCase(language) : null;
  } catch {
    return null;
  }
}

/**
 * The profile after the patch: keys replaced, arrays whole, `address` merged sub-key by sub-key
 * (`address: null` removes it) with `country` re-derived from `country_code` in `language`.
 */
export function applyPatch(stored: StoredProfile, patch: ProfilePatch, language: string): StoredProfile {
  const next: StoredProfile = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (key !== 'address' || value === null) {
      next[key] = value;
      continue;
    }
    const base = (stored.address && typeof stored.address === 'object' ? stored.address : null) as StoredAddress | null;
    const merged: StoredAddress = { ...emptyAddress(), ...base, ...(value as Partial<StoredAddress>) };
    if ('country_code' in (value as object) || 'country' in (value as object)) {
      merged.country = merged.country_code ? countryLabel(merged.country_code, language) : null;
    }
    next.address = merged;
  }
  return next;
}
