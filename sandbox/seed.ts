import { countCustomers, insertCustomer, insertStaff, type SandboxDb, type StaffAccount } from './db';
import { hashPassword } from './passwords';
import { countryLabel } from './profile/patch';
import { emptyAddress, emptyProfile, type StoredAddress, type StoredProfile } from './profile/shape';

/** Every seeded account (customers and staff) signs in with this password. */
export const DEMO_PASSWORD = 'clubmed-demo';

function profile(values: StoredProfile): StoredProfile {
  return { ...emptyProfile(), ...values };
}

function address(values: Partial<StoredAddress>, labelLanguage?: string): StoredAddress {
  const full = { ...emptyAddress(), ...values };
  if (labelLanguage && full.country_code) full.country = countryLabel(full.country_code, labelLanguage);
  return full;
}

export type SeedCustomer = { id: string; profile: StoredProfile };

/**
 * The seeded customers. 123456789 is contract.md's example, to the letter (its stored address
 * is deliberately not a recognised one). The others exercise edges from cases.md.
 */
export const SEED_CUSTOMERS: SeedCustomer[] = [
  {
    id: '123456789',
    profile: profile({
      email: 'tom@example.com',
      gm_number: '123456789',
      first_name: 'Tom',
      second_name: 'James',
      third_name: 'Edward',
      last_name: 'Smith',
      birth_city: 'Paris',
      phones: [{ number: '0623456789', type: 'MOBILE' }],
      loyalty_program: {
        status: 'GOLD',
        previous_status: 'SILVER',
        is_platinum_for_life: false,
        platinum_for_life_since: null,
        points: 1200,
      },
      address: address({ city: 'Aix-en-Provence', zip_code: '75000', country_code: 'FR' }),
      locale: 'fr-FR',
    }),
  },
  {
    // N1 apostrophe (ASCII) in the name, Irish address, leading-zero gm_number.
    id: '234567891',
    profile: profile({
      email: 'aoife.obrien@example.ie',
      gm_number: '000482913',
      gender: 'F',
      civility: 'MS',
      first_name: 'Aoife',
      last_name: "O'Brien",
      birthdate: '19900317',
      birth_country_code: 'IE',
      birth_city: 'Cork',
      language_code: 'EN',
      phones: [{ number: '+353 85 123 4567', type: 'MOBILE' }],
      address: address(
        { number: '12', street: 'Harcourt Street', city: 'Dublin', zip_code: 'D02 X285', state_or_district: 'Dublin', country_code: 'IE' },
        'en-GB',
      ),
      optins: [{ channel: 'EMAIL', optin: true, optin_partners: false }],
      personal_data_usage_allowed: true,
      loyalty_program: { status: 'SILVER', previous_status: 'TURQUOISE', is_platinum_for_life: false, platinum_for_life_since: null, points: 340 },
      customer_type: 'CLIENT',
      customer_status: 'CLIENT',
      locale: 'en-GB',
    }),
  },
  {
    // Two phones and optins; U+2019 apostrophe and accents; identity; platinum for life.
    id: '345678912',
    profile: profile({
      email: 'aminata.ndiaye@example.fr',
      gm_number: '001234567',
      gender: 'F',
      civility: 'MRS',
      first_name: 'Aminata',
      second_name: 'Hélène',
      last_name: 'N’Diaye-Lefèvre',
      birthdate: '19780521',
      birth_country_code: 'SN',
      birth_city: 'Dakar',
      language_code: 'FR',
      phones: [
        { number: '0145678912', type: 'HOME' },
        { number: '0685123456', type: 'MOBILE' },
      ],
      address: address(
        { number: '8', street: 'Rue de l’Église', add_on: 'Bâtiment B', city: 'Lyon', zip_code: '69001', country_code: 'FR' },
        'fr-FR',
      ),
      optins: [
        { channel: 'EMAIL', optin: true, optin_partners: false },
        { channel: 'SMS', optin: false, optin_partners: false },
        { channel: 'WHATSAPP', optin: true },
      ],
      personal_data_usage_allowed: true,
      identity: { number: '180578123456', type: 'ID_CARD' },
      loyalty_program: { status: 'PLATINUM', previous_status: 'PLATINUM', is_platinum_for_life: true, platinum_for_life_since: '2015', points: 48250 },
      customer_type: 'CLIENT',
      customer_status: 'CLIENT',
      locale: 'fr-FR',
    }),
  },
  {
    // No address, no phones, a prospect; gm_number with a leading zero.
    id: '456789123',
    profile: profile({
      email: 'jose.garcia@example.es',
      gm_number: '048291300',
      gender: 'M',
      civility: 'MR',
      first_name: 'José-María',
      last_name: 'García',
      language_code: 'ES',
      loyalty_program: { status: 'NONE', previous_status: 'NONE', is_platinum_for_life: false, platinum_for_life_since: null, points: 0 },
      customer_type: 'PROSPECT',
      customer_status: 'PROSPECT',
      locale: 'es-ES',
    }),
  },
  {
    // Double-byte market: unicode_* names, Japanese address.
    id: '567891234',
    profile: profile({
      email: 'yuki.tanaka@example.jp',
      gm_number: '905512345',
      gender: 'F',
      civility: 'MS',
      first_name: 'Yuki',
      last_name: 'Tanaka',
      unicode_first_name: '由紀',
      unicode_last_name: '田中',
      birthdate: '19950102',
      birth_country_code: 'JP',
      birth_city: 'Osaka',
      language_code: 'JA',
      phones: [{ number: '+81 90 1234 5678', type: 'MOBILE' }],
      address: address(
        { number: '1-2-3', street: 'Jingumae', city: 'Shibuya-ku', zip_code: '150-0001', state_or_district: 'Tokyo', country_code: 'JP' },
        'ja-JP',
      ),
      loyalty_program: { status: 'TURQUOISE', previous_status: 'NONE', is_platinum_for_life: false, platinum_for_life_since: null, points: 80 },
      customer_type: 'CLIENT',
      customer_status: 'NEW_CUSTOMER',
      locale: 'ja-JP',
    }),
  },
  {
    // Overseas department: La Réunion (ISO RE, La Poste 974xx).
    id: '678912345',
    profile: profile({
      email: 'mathilde.hoarau@example.re',
      gm_number: '000000042',
      gender: 'F',
      civility: 'MRS',
      first_name: 'Mathilde',
      last_name: 'Hoarau',
      birthdate: '19821130',
      birth_country_code: 'RE',
      birth_city: 'Saint-Pierre',
      language_code: 'FR',
      phones: [{ number: '0692123456', type: 'MOBILE' }],
      address: address({ number: '15', street: 'Rue de Paris', city: 'Saint-Denis', zip_code: '97400', country_code: 'RE' }, 'fr-FR'),
      optins: [{ channel: 'SMS', optin: true, optin_partners: true }],
      loyalty_program: { status: 'GOLD', previous_status: 'GOLD', is_platinum_for_life: false, platinum_for_life_since: null, points: 2100 },
      customer_type: 'CLIENT',
      customer_status: 'CLIENT',
      locale: 'fr-FR',
    }),
  },
];

export const SEED_STAFF: Omit<StaffAccount, 'passwordHash'>[] = [
  { id: 'S1001', email: 'agent@clubmed.example', name: 'Alex Agent', givenName: 'Alex', familyName: 'Agent' },
  { id: 'S1002', email: 'supervisor@clubmed.example', name: 'Sam Supervisor', givenName: 'Sam', familyName: 'Supervisor' },
];

// scrypt is deliberately slow; tests reset often, so hash the demo password once per process.
let demoHashes: string[] | undefined;
function demoHash(index: number): string {
  demoHashes ??= [...SEED_CUSTOMERS, ...SEED_STAFF].map(() => hashPassword(DEMO_PASSWORD));
  return demoHashes[index]!;
}

/** Wipes customers and staff and writes the seed, in one transaction. OIDC sessions and grants are kept. */
export function reseed(db: SandboxDb): void {
  db.transaction(() => {
    db.exec('DELETE FROM customers; DELETE FROM staff;');
    SEED_CUSTOMERS.forEach((customer, index) =>
      insertCustomer(db, { id: customer.id, passwordHash: demoHash(index), profile: structuredClone(customer.profile) }),
    );
    SEED_STAFF.forEach((staff, index) => insertStaff(db, { ...staff, passwordHash: demoHash(SEED_CUSTOMERS.length + index) }));
  })();
}

export function seedIfEmpty(db: SandboxDb): boolean {
  if (countCustomers(db) > 0) return false;
  reseed(db);
  return true;
}

export function demoAccountsText(): string {
  const rows = [
    ...SEED_CUSTOMERS.map((c) => `  customer ${c.id.padEnd(10)} ${String(c.profile.email).padEnd(28)} ${c.profile.first_name} ${c.profile.last_name}`),
    ...SEED_STAFF.map((s) => `  staff    ${s.id.padEnd(10)} ${s.email.padEnd(28)} ${s.name}`),
  ];
  return `Demo accounts (password: ${DEMO_PASSWORD}):\n${rows.join('\n')}`;
}
