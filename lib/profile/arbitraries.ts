/**
 * fast-check generators for property tests (test-only). Values come from small pools with
 * deliberate near-duplicates (spacing, NFD, case, phone spellings) so that "same after
 * normalisation" and "really different" are both generated often.
 */
import fc from 'fast-check';
import { seedAddress } from './fixtures';
import { EDITABLE_TEXT_KEYS, type Address, type EditableProfile, type Optin, type Phone } from './types';

const text = fc.constantFrom<string | null>(null, '', ' ', 'Tom', ' Tom ', 'Tom\u00A0', 'Zo\u00EB', 'Zoe\u0308', 'Null', 'O’Brien', '李');

const phone = fc.record<Phone>({
  number: fc.constantFrom('0623456789', '06 23 45 67 89', '+33623456789', '+33145678901', '01 45 67 89 01', '12-34'),
  type: fc.constantFrom('MOBILE', 'HOME', 'OFFICE', 'FAX'),
});

const address: fc.Arbitrary<Address | null> = fc.oneof(
  fc.constant(null),
  fc
    .record({
      city: fc.constantFrom<string | null>('Aix-en-Provence', ' Aix-en-Provence', 'Lyon', null),
      zip_code: fc.constantFrom<string | null>('75000', '01220', '13090', null, ''),
      country_code: fc.constantFrom<string | null>('FR', 'fr', 'BE', null),
      country: fc.constantFrom<string | null>('FRANCE', null),
      street: fc.constantFrom<string | null>(null, 'Rue de la Paix'),
    })
    .map((parts): Address => ({ ...seedAddress(), ...parts })),
);

const optin = fc.record<Optin>(
  {
    channel: fc.constantFrom('EMAIL', 'SMS', 'WHATSAPP'),
    optin: fc.boolean(),
    optin_partners: fc.constantFrom<boolean | null>(true, false, null),
  },
  { requiredKeys: ['channel', 'optin'] },
);

export const editableProfileArbitrary: fc.Arbitrary<EditableProfile> = fc
  .record({
    texts: fc.tuple(...EDITABLE_TEXT_KEYS.map(() => text)),
    phones: fc.array(phone, { maxLength: 3 }),
    address,
    optins: fc.array(optin, { maxLength: 3 }),
    personal_data_usage_allowed: fc.constantFrom<boolean | null>(true, false, null),
  })
  .map(({ texts, ...rest }) => ({
    ...(Object.fromEntries(EDITABLE_TEXT_KEYS.map((key, i) => [key, texts[i] ?? null])) as Record<
      (typeof EDITABLE_TEXT_KEYS)[number],
      string | null
    >),
    ...rest,
  }));
