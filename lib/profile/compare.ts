/**
 * "Is this the same value?" per editable key, shared by the diff (base vs submitted) and the
 * merge (base vs current vs mine) so both agree on what counts as a change: normalised text
 * (F4), phone numbers by meaning (P1), address by its editable sub-keys.
 */
import { normalizeText } from './normalize';
import { samePhoneNumber, type CountryCode } from './phones';
import {
  EDITABLE_ADDRESS_KEYS,
  type Address,
  type EditableKey,
  type EditableProfile,
  type Optin,
  type Phone,
} from './types';

export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeText(a) === normalizeText(b);
}

/** Same numbers with the same types in the same order: arrays are replaced whole (P5). */
export function samePhones(a: readonly Phone[], b: readonly Phone[], country: CountryCode): boolean {
  return (
    a.length === b.length &&
    a.every((phone, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        sameText(phone.type, other.type) &&
        samePhoneNumber(phone.number, other.number, country)
      );
    })
  );
}

export function sameOptins(a: readonly Optin[], b: readonly Optin[]): boolean {
  return (
    a.length === b.length &&
    a.every((optin, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        optin.channel === other.channel &&
        optin.optin === other.optin &&
        (optin.optin_partners ?? null) === (other.optin_partners ?? null)
      );
    })
  );
}

/** An address whose editable sub-keys are all empty is no address. */
export function isEmptyAddress(address: Address | null | undefined): boolean {
  return !address || EDITABLE_ADDRESS_KEYS.every((key) => normalizeText(address[key]) === null);
}

/** Compares editable sub-keys only: `country` is derived upstream and absent from patches. */
export function sameAddress(a: Address | null | undefined, b: Address | null | undefined): boolean {
  if (isEmptyAddress(a) || isEmptyAddress(b)) return isEmptyAddress(a) && isEmptyAddress(b);
  return EDITABLE_ADDRESS_KEYS.every((key) => sameText(a?.[key], b?.[key]));
}

/** Whether two values of one editable key mean the same thing. */
export function sameEditableValue<K extends EditableKey>(
  key: K,
  a: EditableProfile[K] | undefined,
  b: EditableProfile[K] | undefined,
  phoneCountry: CountryCode,
): boolean {
  switch (key) {
    case 'phones':
      return samePhones((a ?? []) as Phone[], (b ?? []) as Phone[], phoneCountry);
    case 'optins':
      return sameOptins((a ?? []) as Optin[], (b ?? []) as Optin[]);
    case 'address':
      return sameAddress(a as Address | null, b as Address | null);
    case 'personal_data_usage_allowed':
      return (a ?? null) === (b ?? null);
    default:
      return sameText(a as string | null, b as string | null);
  }
}
