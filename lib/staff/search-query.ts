import { isCustomerId } from '@/lib/clubmed/customer-id';
import type { CustomerSearchFilter } from '@/lib/clubmed/customers';
import { formatPhoneForDisplay, parsePhone, type CountryCode } from '@/lib/profile/phones';

/**
 * `filters` is the main search; `alternatives` are other spellings of the same thing that the API
 * matches exactly (a phone stored as `0623456789` or `+33623456789`, `O'Brien` or `O’Brien`):
 * their results are merged.
 */
export type StaffQuery =
  | { ok: true; kind: 'digits'; customerId: string; filters: CustomerSearchFilter[]; alternatives: CustomerSearchFilter[][] }
  | { ok: true; kind: 'email' | 'last_name' | 'phone'; filters: CustomerSearchFilter[]; alternatives: CustomerSearchFilter[][] }
  | { ok: false; message: string };

const MAX_QUERY_LENGTH = 254;

/**
 * One search box: digits are a customer id or a GM number (both are tried), an `@` means an
 * email, a phone-like string (`+33 6 23…`, `06 23 45 67 89`) a phone number, anything else a last name.
 */
export function parseStaffQuery(raw: string, phoneCountry: CountryCode = 'FR'): StaffQuery {
  const query = raw.normalize('NFC').replace(/^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu, '');
  if (query === '') return { ok: false, message: 'Enter a customer id, a GM number, an email or a last name.' };
  if ([...query].length > MAX_QUERY_LENGTH) return { ok: false, message: `The search is too long (at most ${MAX_QUERY_LENGTH} characters).` };
  if (/[\u0000-\u001f]/.test(query) || query.includes('==')) return { ok: false, message: 'The search contains characters that cannot be searched.' };
  if (/^\d+$/.test(query)) {
    const customerId = isCustomerId(query) ? query : '';
    // A national phone number is digits too (0623456789): try it as a phone as well.
    const alternatives = query.startsWith('0') ? phoneSpellings(query, phoneCountry).map((value) => [phoneFilter(value)]) : [];
    return { ok: true, kind: 'digits', customerId, filters: [{ key: 'gm_number', value: query }], alternatives };
  }
  if (query.includes('@')) {
    if (!/^[^\s@]+@[^\s@]+$/.test(query)) return { ok: false, message: 'This does not look like an email address.' };
    return { ok: true, kind: 'email', filters: [{ key: 'email', value: query }], alternatives: [] };
  }
  if (/^\+?[\d\s.()-]{6,}$/.test(query) && /\d/.test(query)) {
    const [main = query.replace(/[\s.()-]/g, ''), ...others] = phoneSpellings(query, phoneCountry);
    return { ok: true, kind: 'phone', filters: [phoneFilter(main)], alternatives: others.map((value) => [phoneFilter(value)]) };
  }
  const apostrophes = /['’]/.test(query) ? [query.replace(/['’]/g, (c) => (c === "'" ? '’' : "'"))] : [];
  return {
    ok: true,
    kind: 'last_name',
    filters: [{ key: 'last_name', value: query }],
    alternatives: apostrophes.map((value) => [{ key: 'last_name' as const, value }]),
  };
}

function phoneFilter(value: string): CustomerSearchFilter {
  return { key: 'phones.number', value };
}

/** The ways a number may be stored: E.164 (what this app writes) and national digits (older data). */
function phoneSpellings(query: string, country: CountryCode): string[] {
  const parsed = parsePhone(query, country);
  if (!parsed.ok) return [];
  const national = formatPhoneForDisplay(parsed.e164, parsed.country ?? country).replace(/\D/g, '');
  return [...new Set([parsed.e164, national])];
}
