/** Names of the form's control fields (not profile values), shared by the form and the save logic. */
export const BASE_FIELD = 'base';
export const INTENT_FIELD = 'intent';
export const CONFLICT_KEYS_FIELD = 'conflict_keys';
export const PHONES_PRESENT_FIELD = 'phones.present';
export const ADDRESS_PRESENT_FIELD = 'address.present';
export const resolveField = (key: string) => `resolve.${key}`;
