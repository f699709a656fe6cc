import type { EditableAddressKey, EditableTextKey } from '@/lib/profile/types';

/** One definition of each visible field: the form and the read-only preview both use it. */
export type TextFieldDef = {
  key: EditableTextKey;
  label: string;
  autoComplete: string;
  type?: 'text' | 'email' | 'date';
  hint?: string;
};

export const NAME_FIELDS: TextFieldDef[] = [
  { key: 'first_name', label: 'First name', autoComplete: 'given-name' },
  { key: 'second_name', label: 'Second name', autoComplete: 'additional-name' },
  { key: 'third_name', label: 'Third name', autoComplete: 'off' },
  { key: 'fourth_name', label: 'Fourth name', autoComplete: 'off' },
  { key: 'last_name', label: 'Last name', autoComplete: 'family-name' },
];

export const CONTACT_FIELDS: TextFieldDef[] = [{ key: 'email', label: 'Email', autoComplete: 'email', type: 'email' }];

/** Birth city is not the postal city: autofill must not fill it. */
export const BIRTH_FIELDS: TextFieldDef[] = [{ key: 'birth_city', label: 'Birth city', autoComplete: 'off' }];

export type AddressFieldDef = { key: EditableAddressKey; label: string; autoComplete: string };

export const ADDRESS_FIELDS: AddressFieldDef[] = [
  { key: 'number', label: 'Street number', autoComplete: 'off' },
  { key: 'street', label: 'Street', autoComplete: 'address-line1' },
  { key: 'add_on', label: 'Apartment, building (optional)', autoComplete: 'address-line2' },
  { key: 'additional_information_1', label: 'Additional information', autoComplete: 'address-line3' },
  { key: 'additional_information_2', label: 'More additional information', autoComplete: 'off' },
  { key: 'town', label: 'Locality', autoComplete: 'address-level3' },
  { key: 'zip_code', label: 'Postcode', autoComplete: 'postal-code' },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
  { key: 'state_or_district', label: 'State or district', autoComplete: 'address-level1' },
];

export const PHONE_TYPE_LABELS: Record<string, string> = { MOBILE: 'Mobile', HOME: 'Home', OFFICE: 'Office' };

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
