import { canonicalTag } from '@/lib/i18n/locales';
import type { EditableAddressKey, EditableTextKey, Optin } from '@/lib/profile/types';

/**
 * One definition of each visible field: the form and the read-only preview both use it. Labels
 * are messages (`Fields.<key>`, `Fields.addressFields.<key>`), in the interface language.
 */
export type TextFieldDef = {
  key: EditableTextKey;
  autoComplete: string;
  type?: 'text' | 'email';
};

export const CONTACT_FIELDS: TextFieldDef[] = [{ key: 'email', autoComplete: 'email', type: 'email' }];

export const NAME_FIELDS: TextFieldDef[] = [
  { key: 'first_name', autoComplete: 'given-name' },
  { key: 'second_name', autoComplete: 'additional-name' },
  { key: 'third_name', autoComplete: 'off' },
  { key: 'fourth_name', autoComplete: 'off' },
  { key: 'last_name', autoComplete: 'family-name' },
];

/** Native-script names: no autofill token means "in your own script", so autofill stays off. */
export const NATIVE_NAME_FIELDS: TextFieldDef[] = [
  { key: 'unicode_civility', autoComplete: 'off' },
  { key: 'unicode_first_name', autoComplete: 'off' },
  { key: 'unicode_second_name', autoComplete: 'off' },
  { key: 'unicode_third_name', autoComplete: 'off' },
  { key: 'unicode_fourth_name', autoComplete: 'off' },
  { key: 'unicode_last_name', autoComplete: 'off' },
];

/** Birth city is not the postal city: autofill must not fill it (F5). */
export const BIRTH_CITY_FIELD: TextFieldDef = { key: 'birth_city', autoComplete: 'off' };

export type AddressFieldDef = { key: EditableAddressKey; autoComplete: string };

export const ADDRESS_FIELDS: AddressFieldDef[] = [
  { key: 'number', autoComplete: 'off' },
  { key: 'street', autoComplete: 'address-line1' },
  { key: 'add_on', autoComplete: 'address-line2' },
  { key: 'additional_information_1', autoComplete: 'address-line3' },
  { key: 'additional_information_2', autoComplete: 'off' },
  { key: 'town', autoComplete: 'address-level3' },
  { key: 'zip_code', autoComplete: 'postal-code' },
  { key: 'city', autoComplete: 'address-level2' },
  { key: 'state_or_district', autoComplete: 'address-level1' },
];

/** Civility codes offered (labels: `Civility.<code>`); a stored code outside them is shown as-is. */
export const CIVILITY_CODES = ['MR', 'MRS', 'MS', 'MISS'] as const;

/** Phone types offered (labels: `PhoneTypes.<type>`). */
export const PHONE_TYPE_CODES = ['MOBILE', 'HOME', 'OFFICE'] as const;

/** The channels the market offers consent for (labels: `Channels.<channel>`). */
export const MARKET_OPTIN_CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'MAIL', 'WHATSAPP'] as const;

/** Channels with a partners' consent of their own, offered for email and kept wherever one is stored. */
const PARTNER_CHANNELS = ['EMAIL'];

export type OptinChoice = { channel: string; partners: boolean };

/** One switch per channel the market offers or the customer has (stored ones outside the market too). */
export function optinChoices(optins: readonly Optin[]): OptinChoice[] {
  const channels = [...MARKET_OPTIN_CHANNELS, ...optins.map((optin) => optin.channel).filter((c) => !(MARKET_OPTIN_CHANNELS as readonly string[]).includes(c))];
  return [...new Set(channels)].map((channel) => ({
    channel,
    // A stored partners' answer must be rendered, or an unchecked (absent) box would clear it.
    partners: PARTNER_CHANNELS.includes(channel) || optins.some((o) => o.channel === channel && o.optin_partners != null),
  }));
}

/** Markets whose customers also write their names in a double-byte script. */
const NATIVE_SCRIPT_LANGUAGES = ['ja', 'zh', 'ko'];

/** The "Names in your script" group: for ja/zh/ko profiles, or whenever one of those names is stored. */
export function showsNativeNames(profileLocale: string | null, profile: Partial<Record<EditableTextKey, string | null>>): boolean {
  const language = canonicalTag(profileLocale)?.split('-')[0]?.toLowerCase();
  if (language && NATIVE_SCRIPT_LANGUAGES.includes(language)) return true;
  return NATIVE_NAME_FIELDS.some((def) => Boolean(profile[def.key]));
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
