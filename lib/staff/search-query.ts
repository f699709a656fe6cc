import type { CustomerSearchFilter } from '@/lib/clubmed/customers';

export type StaffQuery =
  | { ok: true; kind: 'digits'; customerId: string; filters: CustomerSearchFilter[] }
  | { ok: true; kind: 'email' | 'last_name' | 'phone'; filters: CustomerSearchFilter[] }
  | { ok: false; message: string };

const MAX_QUERY_LENGTH = 254;

/**
 * One search box: digits are a customer id or a GM number (both are tried), an `@` means an
 * email, a leading `+` a phone number, anything else a last name.
 */
export function parseStaffQuery(raw: string): StaffQuery {
  const query = raw.normalize('NFC').replace(/^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu, '');
  if (query === '') return { ok: false, message: 'Enter a customer id, a GM number, an email or a last name.' };
  if ([...query].length > MAX_QUERY_LENGTH) return { ok: false, message: `The search is too long (at most ${MAX_QUERY_LENGTH} characters).` };
  if (/[\u0000-\u001f]/.test(query) || query.includes('==')) return { ok: false, message: 'The search contains characters that cannot be searched.' };
  if (/^\d+$/.test(query)) {
    const customerId = /^[1-9]\d{0,19}$/.test(query) ? query : '';
    return { ok: true, kind: 'digits', customerId, filters: [{ key: 'gm_number', value: query }] };
  }
  if (query.includes('@')) {
    if (!/^[^\s@]+@[^\s@]+$/.test(query)) return { ok: false, message: 'This does not look like an email address.' };
    return { ok: true, kind: 'email', filters: [{ key: 'email', value: query }] };
  }
  if (/^\+[\d\s.-]{6,}$/.test(query)) return { ok: true, kind: 'phone', filters: [{ key: 'phones.number', value: query.replace(/[\s.-]/g, '') }] };
  return { ok: true, kind: 'last_name', filters: [{ key: 'last_name', value: query }] };
}
