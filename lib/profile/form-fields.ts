import type { EditableAddressKey, EditableTextKey } from './types';

/** Keys that cannot be cleared once they hold a value. */
export const REQUIRED_TEXT_KEYS: readonly EditableTextKey[] = ['email', 'first_name', 'last_name'];

/** Names of the form's fields, shared by the form (client) and the save logic (server). */
export const FORM_FIELDS = {
  phonesPresent: 'phones.present',
  phoneNumber: (index: number) => `phones.${index}.number`,
  phoneType: (index: number) => `phones.${index}.type`,
  addressPresent: 'address.present',
  address: (key: EditableAddressKey) => `address.${key}`,
  optinsPresent: 'optins.present',
  optinChannels: 'optins.channels',
  optin: (channel: string) => `optins.${channel}`,
  optinPartners: (channel: string) => `optins.${channel}.partners`,
  personalDataUsageAllowed: 'personal_data_usage_allowed',
  personalDataUsageAllowedPresent: 'personal_data_usage_allowed.present',
} as const;

/** Control fields, not profile values. */
export const BASE_FIELD = 'base';
export const INTENT_FIELD = 'intent';
export const CONFLICT_KEYS_FIELD = 'conflict_keys';
export const resolveField = (key: string) => `resolve.${key}`;
