/**
 * The stored customer profile and its v2 representation. Storage is one JSON document per
 * customer with the v2 key names; `birthday` (the deprecated twin of `birthdate`) and `_links`
 * are derived on read.
 */
export const ADDRESS_KEYS = [
  'number',
  'street',
  'add_on',
  'town',
  'city',
  'zip_code',
  'state_or_district',
  'country',
  'country_code',
  'additional_information_1',
  'additional_information_2',
] as const;
export type AddressKey = (typeof ADDRESS_KEYS)[number];
export type StoredAddress = Record<AddressKey, string | null>;

export type StoredPhone = { number: string; type: string };
export type StoredOptin = { channel: string; optin: boolean; optin_partners?: boolean | null };

/** Every key of GET /v2/customers/{id}/profile, in the order it is served. */
export const PROFILE_KEYS = [
  'email',
  'gm_number',
  'gender',
  'civility',
  'unicode_civility',
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
  'birthdate',
  'birthday',
  'birth_country_code',
  'birth_city',
  'language_code',
  'phones',
  'address',
  'optins',
  'personal_data_usage_allowed',
  'identity',
  'loyalty_program',
  'customer_type',
  'customer_status',
  'locale',
  'health_pass_id',
  'blacklisted',
  'filiation_number',
  '_links',
] as const;

export type StoredProfile = Record<string, unknown>;

/** A complete stored profile: every key present, empty values null, arrays empty. */
export function emptyProfile(): StoredProfile {
  const profile: StoredProfile = {};
  for (const key of PROFILE_KEYS) profile[key] = null;
  profile.phones = [];
  profile.optins = [];
  delete profile.birthday;
  delete profile._links;
  return profile;
}

export function emptyAddress(): StoredAddress {
  return Object.fromEntries(ADDRESS_KEYS.map((key) => [key, null])) as StoredAddress;
}

/** v2 rule: an empty value is null, never "". Applied deeply so hook-edited data obeys it too. */
function emptyToNull(value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) return value.map(emptyToNull);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, emptyToNull(inner)]));
  }
  return value;
}

export function toV2Profile(customerId: string, stored: StoredProfile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PROFILE_KEYS) out[key] = emptyToNull(stored[key]);
  out.phones = Array.isArray(stored.phones) ? out.phones : [];
  out.optins = Array.isArray(stored.optins) ? out.optins : [];
  out.birthday = out.birthdate;
  out._links = { self: { href: `/v2/customers/${customerId}/profile` } };
  // Keys a hook added that the contract does not list are served too (clients must tolerate them).
  for (const [key, value] of Object.entries(stored)) if (!(key in out)) out[key] = emptyToNull(value);
  return out;
}

export const SEARCH_RESULT_KEYS = [
  'gm_number',
  'civility',
  'first_name',
  'last_name',
  'email',
  'birthdate',
  'phones',
  'address',
  'loyalty_program',
] as const;

export function toSearchResult(customerId: string, stored: StoredProfile): Record<string, unknown> {
  const full = toV2Profile(customerId, stored);
  return { id: customerId, ...Object.fromEntries(SEARCH_RESULT_KEYS.map((key) => [key, full[key]])) };
}
