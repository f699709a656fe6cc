import type { CountryCode } from 'libphonenumber-js';
import { formatPhoneForDisplay } from './phones';
import { EDITABLE_ADDRESS_KEYS, EDITABLE_TEXT_KEYS, type EditableKey, type EditableProfile } from './types';

/** What the form's inputs show, by field name (the names parseProfileForm reads). */
export type FormValues = Record<string, string>;

/** `YYYYMMDD` (API) → `YYYY-MM-DD` (`<input type=date>`); anything else is shown as stored. */
export function birthdateForInput(value: string | null): string {
  if (!value) return '';
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}

export function formValuesFromEditable(profile: EditableProfile, defaultCountry: CountryCode): FormValues {
  const values: FormValues = {};
  for (const key of EDITABLE_TEXT_KEYS) {
    values[key] = key === 'birthdate' ? birthdateForInput(profile.birthdate) : (profile[key] ?? '');
  }
  profile.phones.forEach((phone, index) => {
    values[`phones.${index}.number`] = formatPhoneForDisplay(phone.number, defaultCountry);
    values[`phones.${index}.type`] = phone.type;
  });
  for (const key of EDITABLE_ADDRESS_KEYS) values[`address.${key}`] = profile.address?.[key] ?? '';
  for (const optin of profile.optins) {
    values[`optins.${optin.channel}`] = optin.optin ? 'on' : '';
    values[`optins.${optin.channel}.partners`] = optin.optin_partners ? 'on' : '';
  }
  values.personal_data_usage_allowed = profile.personal_data_usage_allowed ? 'on' : '';
  return values;
}

/** The profile key a form field belongs to: `phones.1.type` → `phones`. */
export function editableKeyOfField(fieldName: string): EditableKey {
  return fieldName.split('.')[0] as EditableKey;
}
