/**
 * Base vs submitted → the PATCH body (design rule 3): only keys the user changed, compared after
 * normalisation; a cleared key is present as `null`; arrays whole; the address complete.
 */
import { isEmptyAddress, sameEditableValue } from './compare';
import { normalizeText } from './normalize';
import { defaultPhoneCountry, type CountryCode } from './phones';
import {
  EDITABLE_ADDRESS_KEYS,
  EDITABLE_KEYS,
  type Address,
  type EditableKey,
  type EditableProfile,
  type ProfilePatch,
} from './types';

export type CompareOptions = {
  /** Country for reading numbers without `+`; defaults to the base address's country, else FR. */
  defaultPhoneCountry?: CountryCode;
};

export function diffProfile(
  base: EditableProfile,
  submitted: EditableProfile,
  options: CompareOptions = {},
): ProfilePatch {
  const phoneCountry = options.defaultPhoneCountry ?? defaultPhoneCountry(base.address, null);
  const patch: Record<string, unknown> = {};
  for (const key of EDITABLE_KEYS) {
    if (!sameEditableValue(key, base[key], submitted[key], phoneCountry)) {
      patch[key] = patchValue(key, submitted[key]);
    }
  }
  return patch as ProfilePatch;
}

/** The value sent for a changed key; `null` (never `undefined`) so JSON keeps a clear (D1). */
export function patchValue<K extends EditableKey>(key: K, value: EditableProfile[K]): unknown {
  switch (key) {
    case 'phones':
    case 'optins':
      return structuredClone(value ?? []);
    case 'address':
      return addressPatch(value as Address | null);
    case 'personal_data_usage_allowed':
      return value ?? null;
    default:
      return normalizeText(value as string | null);
  }
}

/**
 * The complete address, every editable sub-key present (null when empty) so the API's merge and
 * replace semantics give the same result (A4). `country` is left out: the API derives it from
 * `country_code`, and sending the old label with a new code would contradict it. The object is
 * therefore typed `Address` but has no `country` key at runtime.
 */
function addressPatch(address: Address | null): Address | null {
  if (!address || isEmptyAddress(address)) return null;
  return Object.fromEntries(
    EDITABLE_ADDRESS_KEYS.map((key) => [key, normalizeText(address[key])]),
  ) as Address;
}

/** True when there is nothing to send (design rule 5); `undefined` values do not count. */
export function isEmptyPatch(patch: ProfilePatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}
