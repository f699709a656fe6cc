/**
 * The customer profile as the app sees it. Key names are the upstream's (snake_case) so a
 * ProfilePatch can be sent as-is; see ../shared/contract.md.
 */

export const PHONE_TYPES = ['HOME', 'MOBILE', 'OFFICE'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

/** Read side is lenient: an unknown phone type from upstream is kept and shown as-is. */
export type Phone = { number: string; type: string };

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
export type Address = Record<AddressKey, string | null>;

/** Address sub-keys the customer edits: all but `country`, a label the API derives from `country_code`. */
export type EditableAddressKey = Exclude<AddressKey, 'country'>;
export const EDITABLE_ADDRESS_KEYS: readonly EditableAddressKey[] = ADDRESS_KEYS.filter(
  (key): key is EditableAddressKey => key !== 'country',
);

/** Maximum lengths of address sub-keys (contract). `country` is derived upstream, not edited. */
export const ADDRESS_MAX_LENGTH: Record<AddressKey, number> = {
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

export type Optin = { channel: string; optin: boolean; optin_partners?: boolean | null };

export type LoyaltyProgram = {
  status: string | null;
  previous_status: string | null;
  is_platinum_for_life: boolean | null;
  platinum_for_life_since: string | null;
  points: number | null;
};

export type Identity = { number: string | null; type: string | null };

/** Editable scalar (string) keys of PATCH v1, in display order. */
export const EDITABLE_TEXT_KEYS = [
  'email',
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
  'birth_country_code',
  'birth_city',
  'language_code',
] as const;
export type EditableTextKey = (typeof EDITABLE_TEXT_KEYS)[number];

/**
 * Everything a customer may change through this app. `identity` is editable upstream but not
 * in this app's form, so it is deliberately absent.
 */
export type EditableProfile = Record<EditableTextKey, string | null> & {
  phones: Phone[];
  address: Address | null;
  optins: Optin[];
  personal_data_usage_allowed: boolean | null;
};
export type EditableKey = keyof EditableProfile;

export const EDITABLE_KEYS: readonly EditableKey[] = [
  ...EDITABLE_TEXT_KEYS,
  'phones',
  'address',
  'optins',
  'personal_data_usage_allowed',
];

/** The body of PATCH /v1/customers/{customer_id}/profile: only changed keys; null clears. */
export type ProfilePatch = Partial<EditableProfile>;

/** A profile read from GET /v2/customers/{customer_id}/profile, after lenient parsing. */
export type Profile = EditableProfile & {
  gm_number: string | null;
  gender: string | null;
  birthday: string | null;
  identity: Identity | null;
  loyalty_program: LoyaltyProgram | null;
  customer_type: string | null;
  customer_status: string | null;
  locale: string | null;
  /** Keys the app does not know, kept as received. */
  extra: Record<string, unknown>;
};

/** A field error is a code (translated at the edge) plus its parameters. */
export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'email_local_too_long'
  | 'invalid_phone'
  | 'phone_extension'
  | 'duplicate_phone'
  | 'invalid_phone_type'
  | 'invalid_date'
  | 'future_date'
  | 'invalid_country'
  | 'too_many'
  | 'upstream'
  | 'invalid_language'
  | 'choose_value';
export type FieldError = { code: FieldErrorCode; params?: Record<string, string | number> };
/** Keyed by field path as in the form and in upstream `concerned_key`: `email`, `address.zip_code`, `phones.1.number`. */
export type FieldErrors = Record<string, FieldError[]>;
