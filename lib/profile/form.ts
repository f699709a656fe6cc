/**
 * The edit form → a normalised `EditableProfile` (design rule 2). Strict allow-list: only the
 * field names below are read, so `gm_number`, `loyalty_program`, `customer_id` or framework
 * fields can never reach a PATCH (D3). A field absent from the post is "untouched" (D2): the
 * result keeps the base value; sections (phones, address, optins, consent) say they were rendered
 * with a `<section>.present` marker, so an empty section can mean "deleted all".
 */
import { isCountryCode } from './countries';
import { FORM_FIELDS, REQUIRED_TEXT_KEYS } from './form-fields';
import { normalizeText, textLength } from './normalize';
import { parsePhone, samePhoneNumber, PHONE_INPUT_MAX_LENGTH, type CountryCode } from './phones';
import {
  ADDRESS_MAX_LENGTH,
  EDITABLE_ADDRESS_KEYS,
  EDITABLE_TEXT_KEYS,
  PHONE_TYPES,
  type Address,
  type EditableProfile,
  type EditableTextKey,
  type FieldError,
  type FieldErrorCode,
  type FieldErrors,
  type Optin,
  type Phone,
} from './types';

/** Maximum lengths in code points (see `textLength`), and guards against oversized posts (F3). */
export const FORM_LIMITS = {
  text: {
    email: 254,
    civility: 20,
    unicode_civility: 20,
    first_name: 100,
    second_name: 100,
    third_name: 100,
    fourth_name: 100,
    last_name: 100,
    unicode_first_name: 100,
    unicode_second_name: 100,
    unicode_third_name: 100,
    unicode_fourth_name: 100,
    unicode_last_name: 100,
    birthdate: 10,
    birth_country_code: 2,
    birth_city: 100,
    language_code: 2,
  } satisfies Record<EditableTextKey, number>,
  address: ADDRESS_MAX_LENGTH,
  emailLocalPart: 64,
  phones: 10,
  phoneNumber: PHONE_INPUT_MAX_LENGTH,
  optinChannels: 20,
  /**
   * Raw values longer than this (UTF-16 units) are reported `too_long` without normalising or
   * counting them: no field limit comes close, and it bounds the work an oversized post causes.
   */
  rawValue: 10_000,
  /** `formValuesFromFormData` echoes at most this many fields, each cut to this many code points. */
  echoFields: 200,
  echoValue: 1_000,
} as const;


export { FORM_FIELDS, REQUIRED_TEXT_KEYS };

export type ParseFormOptions = {
  defaultPhoneCountry: CountryCode;
  /** `YYYYMMDD`; a birthdate after it is refused. Defaults to today in UTC. */
  today?: string;
};

export type ParseFormResult =
  | { ok: true; submitted: EditableProfile }
  | { ok: false; fieldErrors: FieldErrors };

export function parseProfileForm(
  formData: FormData,
  base: EditableProfile,
  options: ParseFormOptions,
): ParseFormResult {
  const errors: FieldErrors = {};
  const submitted = structuredClone(base);
  for (const key of EDITABLE_TEXT_KEYS) {
    const raw = stringEntry(formData, key);
    if (raw !== undefined) submitted[key] = parseTextField(key, raw, base[key], options, errors);
  }
  if (isPresent(formData, FORM_FIELDS.phonesPresent)) {
    submitted.phones = parsePhones(formData, base.phones, options.defaultPhoneCountry, errors);
  }
  if (isPresent(formData, FORM_FIELDS.addressPresent)) {
    submitted.address = parseAddress(formData, base.address, errors);
  }
  if (isPresent(formData, FORM_FIELDS.optinsPresent)) {
    submitted.optins = parseOptins(formData, base.optins, errors);
  }
  if (isPresent(formData, FORM_FIELDS.personalDataUsageAllowedPresent)) {
    const checked = isPresent(formData, FORM_FIELDS.personalDataUsageAllowed);
    submitted.personal_data_usage_allowed = checkboxValue(checked, base.personal_data_usage_allowed);
  }
  return Object.keys(errors).length === 0 ? { ok: true, submitted } : { ok: false, fieldErrors: errors };
}

// ── form data access ────────────────────────────────────────────────────────────────────────────

/** The first string value of a field; files and missing fields are `undefined` (untouched). */
function stringEntry(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A marker or checkbox: sent (with any non-empty value, browsers send `on`) or not. */
function isPresent(formData: FormData, name: string): boolean {
  const value = stringEntry(formData, name);
  return value !== undefined && value !== '';
}

/**
 * An unchecked box can mean "no" or "never answered"; it only turns a stored `true` into `false`,
 * so an unanswered (null) consent left unchecked stays null and is not a change (D2).
 */
function checkboxValue(checked: boolean, base: boolean | null | undefined): boolean | null {
  if (checked) return true;
  return base === true ? false : (base ?? null);
}

function addError(errors: FieldErrors, path: string, code: FieldErrorCode, params?: Record<string, string | number>) {
  (errors[path] ??= []).push(params ? { code, params } : { code });
}

// ── text fields ─────────────────────────────────────────────────────────────────────────────────

/**
 * Normalises one text value and checks its length; returns null for a cleared field. Never
 * truncates: an over-long value is an error stating the limit (N5, F3).
 */
function boundedText(raw: string, path: string, max: number, errors: FieldErrors): string | null {
  if (raw.length > FORM_LIMITS.rawValue) {
    addError(errors, path, 'too_long', { max });
    return null;
  }
  const value = normalizeText(raw);
  if (value !== null && textLength(value) > max) addError(errors, path, 'too_long', { max });
  return value;
}

function parseTextField(
  key: EditableTextKey,
  raw: string,
  baseValue: string | null,
  options: ParseFormOptions,
  errors: FieldErrors,
): string | null {
  const value = boundedText(raw, key, FORM_LIMITS.text[key], errors);
  if (value === null) {
    // Clearing a required key is refused; leaving an already-empty one empty is no change (D2).
    if (REQUIRED_TEXT_KEYS.includes(key) && normalizeText(baseValue) !== null && !errors[key]) {
      addError(errors, key, 'required');
    }
    return null;
  }
  const check = TEXT_CHECKS[key]?.(value, options) ?? { value };
  if ('error' in check) {
    if (!errors[key]) addError(errors, key, check.error.code, check.error.params);
    return value;
  }
  return check.value;
}

/** Per-key checks beyond length; `value` is the canonical form to store (e.g. upper-cased). */
type TextCheck = (value: string, options: ParseFormOptions) => { value: string } | { error: FieldError };

const countryCode: TextCheck = (value) => {
  const code = value.toUpperCase();
  return isCountryCode(code) ? { value: code } : { error: { code: 'invalid_country' } };
};

const TEXT_CHECKS: Partial<Record<EditableTextKey, TextCheck>> = {
  email: (value) => {
    const error = emailError(value);
    return error ? { error } : { value };
  },
  birthdate: (value, options) => parseBirthdate(value, options.today ?? todayUtc()),
  birth_country_code: countryCode,
  language_code: (value) => {
    const code = value.toUpperCase();
    return /^[A-Z]{2}$/.test(code) ? { value: code } : { error: { code: 'invalid_language' } };
  },
};

// ── email ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Policy (E1, E4): the local part is an RFC 5322 dot-atom in ASCII (so `o'brien`, `a=b`,
 * `jean+fidelite` pass; quoted local parts do not); the domain has at least two labels of
 * letters, digits (any script, so `bücher.example` is accepted as typed, not punycoded) and inner
 * hyphens, and a top-level label that is not all digits. Anything with spaces or zero-width
 * characters inside is refused, so they never reach the API (E2).
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

function emailError(email: string): FieldError | undefined {
  const invalid: FieldError = { code: 'invalid_email' };
  const at = email.lastIndexOf('@');
  if (at <= 0) return invalid;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (textLength(local) > FORM_LIMITS.emailLocalPart) {
    return { code: 'email_local_too_long', params: { max: FORM_LIMITS.emailLocalPart } };
  }
  if (!LOCAL_PART.test(local)) return invalid;
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return invalid;
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return invalid;
  return undefined;
}

// ── birthdate ───────────────────────────────────────────────────────────────────────────────────

const OLDEST_BIRTH_YEAR = 1900;

/** `YYYY-MM-DD` (from `<input type=date>`) or `YYYYMMDD` → the API's `YYYYMMDD`, or an error. */
function parseBirthdate(value: string, today: string): { value: string } | { error: FieldError } {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!match) return { error: { code: 'invalid_date' } };
  const [, year = '', month = '', day = ''] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day)) || Number(year) < OLDEST_BIRTH_YEAR) {
    return { error: { code: 'invalid_date' } };
  }
  const compact = `${year}${month}${day}`;
  return compact > today ? { error: { code: 'future_date' } } : { value: compact };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10).replace(/-/g, '');
}

// ── phones ──────────────────────────────────────────────────────────────────────────────────────

type PhoneRow = { index: number; number: string; type: string | null };

const PHONE_FIELD = /^phones\.(0|[1-9]\d{0,4})\.(number|type)$/;

/** The submitted rows in form order; a row with no number is an empty or cleared row, dropped. */
function phoneRows(formData: FormData): PhoneRow[] {
  const rows = new Map<number, { number?: string; type?: string }>();
  for (const [name, value] of formData.entries()) {
    const match = PHONE_FIELD.exec(name);
    if (!match || typeof value !== 'string') continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2] as 'number' | 'type'] ??= value;
    rows.set(index, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, row]) => ({ index, number: row.number ?? '', type: normalizeText(row.type) }))
    .filter((row) => normalizeText(row.number.slice(0, FORM_LIMITS.rawValue)) !== null);
}

function parsePhones(
  formData: FormData,
  basePhones: readonly Phone[],
  country: CountryCode,
  errors: FieldErrors,
): Phone[] {
  const rows = phoneRows(formData);
  if (rows.length > FORM_LIMITS.phones) {
    addError(errors, 'phones', 'too_many', { max: FORM_LIMITS.phones });
    return [...basePhones];
  }
  const phones: Phone[] = [];
  for (const row of rows) {
    const phone = parsePhoneRow(row, basePhones, country, errors);
    if (!phone) continue;
    if (phones.some((other) => samePhoneNumber(other.number, phone.number, country))) {
      addError(errors, FORM_FIELDS.phoneNumber(row.index), 'duplicate_phone');
    }
    phones.push(phone);
  }
  return phones;
}

/**
 * One phone. A number that is the same as a stored one (at any position) keeps the stored
 * spelling, so reformatting or reordering is not a change (P1) and a legacy number the user did
 * not touch is never refused; a new number is stored as E.164. A stored type outside
 * HOME/MOBILE/OFFICE (e.g. `FAX`) is kept on its own unchanged number for the same reason.
 */
function parsePhoneRow(
  row: PhoneRow,
  basePhones: readonly Phone[],
  country: CountryCode,
  errors: FieldErrors,
): Phone | undefined {
  const numberPath = FORM_FIELDS.phoneNumber(row.index);
  const typed = boundedText(row.number, numberPath, FORM_LIMITS.phoneNumber, errors);
  if (typed === null || errors[numberPath]) return undefined;
  const stored = basePhones.find((phone) => samePhoneNumber(phone.number, typed, country));
  const type = phoneType(row.type, stored);
  if (!type) addError(errors, FORM_FIELDS.phoneType(row.index), 'invalid_phone_type');
  if (stored) return { number: stored.number, type: type ?? '' };
  const parsed = parsePhone(typed, country);
  if (!parsed.ok) {
    addError(errors, numberPath, parsed.code);
    return undefined;
  }
  return { number: parsed.e164, type: type ?? '' };
}

function phoneType(typed: string | null, stored: Phone | undefined): string | undefined {
  if (typed === null) return undefined;
  if (stored && typed === stored.type) return typed;
  const upper = typed.toUpperCase();
  return PHONE_TYPES.find((type) => type === upper);
}

// ── address ─────────────────────────────────────────────────────────────────────────────────────

/** Sub-keys absent from the post keep their base value; all empty → no address (null). */
function parseAddress(formData: FormData, base: Address | null, errors: FieldErrors): Address | null {
  const address = { ...emptyAddress(), ...base };
  for (const key of EDITABLE_ADDRESS_KEYS) {
    const raw = stringEntry(formData, FORM_FIELDS.address(key));
    if (raw === undefined) continue;
    const path = FORM_FIELDS.address(key);
    const value = boundedText(raw, path, ADDRESS_MAX_LENGTH[key], errors);
    address[key] = key === 'country_code' && value !== null ? addressCountryCode(value, path, errors) : value;
  }
  // `country` is the API's label for `country_code`: stale once the code changes.
  if (normalizeText(address.country_code) !== normalizeText(base?.country_code)) address.country = null;
  return EDITABLE_ADDRESS_KEYS.every((key) => address[key] === null) ? null : address;
}

function addressCountryCode(value: string, path: string, errors: FieldErrors): string {
  const code = value.toUpperCase();
  if (!errors[path] && !isCountryCode(code)) addError(errors, path, 'invalid_country');
  return code;
}

function emptyAddress(): Address {
  return Object.fromEntries(EDITABLE_ADDRESS_KEYS.map((key) => [key, null])) as unknown as Address;
}

// ── optins ──────────────────────────────────────────────────────────────────────────────────────

const CHANNEL = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** Updates the channels the form showed (`optins.channels`); other channels stay as stored. */
function parseOptins(formData: FormData, base: readonly Optin[], errors: FieldErrors): Optin[] {
  const channels = [
    ...new Set(
      formData
        .getAll(FORM_FIELDS.optinChannels)
        .map((value) => (typeof value === 'string' ? normalizeText(value) : null))
        .filter((value): value is string => value !== null && CHANNEL.test(value)),
    ),
  ];
  if (channels.length > FORM_LIMITS.optinChannels) {
    addError(errors, 'optins', 'too_many', { max: FORM_LIMITS.optinChannels });
    return structuredClone([...base]);
  }
  const optins = structuredClone([...base]);
  for (const channel of channels) {
    const optin = isPresent(formData, FORM_FIELDS.optin(channel));
    const partners = isPresent(formData, FORM_FIELDS.optinPartners(channel));
    const stored = optins.find((entry) => entry.channel === channel);
    if (stored) {
      stored.optin = optin;
      const optinPartners = checkboxValue(partners, stored.optin_partners);
      if (optinPartners !== (stored.optin_partners ?? null)) stored.optin_partners = optinPartners;
    } else if (optin || partners) {
      optins.push(partners ? { channel, optin, optin_partners: true } : { channel, optin });
    }
  }
  return optins;
}

// ── echo ────────────────────────────────────────────────────────────────────────────────────────

const ECHO_FIELD = new RegExp(
  [
    `^(?:${EDITABLE_TEXT_KEYS.join('|')})$`,
    `^(?:phones|address|optins|personal_data_usage_allowed)\\.present$`,
    `^personal_data_usage_allowed$`,
    PHONE_FIELD.source,
    `^address\\.(?:${EDITABLE_ADDRESS_KEYS.join('|')})$`,
    `^optins\\.[A-Za-z][A-Za-z0-9_]{0,31}(?:\\.partners)?$`,
  ].join('|'),
);

/**
 * What the user typed, by field name, to put back into the inputs after a failed save (F1).
 * Allow-listed names only; bounded in count and length so an oversized post is not echoed whole.
 * `optins.channels` (repeated, hidden) is not echoed: the page renders it from the base.
 */
export function formValuesFromFormData(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (count >= FORM_LIMITS.echoFields) break;
    if (typeof value !== 'string' || Object.hasOwn(values, name) || !ECHO_FIELD.test(name)) continue;
    if (name === FORM_FIELDS.optinChannels) continue;
    values[name] = truncateForEcho(value);
    count++;
  }
  return values;
}

function truncateForEcho(value: string): string {
  if (value.length <= FORM_LIMITS.echoValue) return value;
  return [...value.slice(0, FORM_LIMITS.echoValue * 2)].slice(0, FORM_LIMITS.echoValue).join('');
}
