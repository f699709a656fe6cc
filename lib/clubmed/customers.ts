import 'server-only';
import { parseProfileResponse } from '@/lib/profile/schema';
import type { Profile, ProfilePatch } from '@/lib/profile/types';
import { clubmedRequest } from './client';
import { UpstreamError } from './errors';

import { isCustomerId } from './customer-id';

export { isCustomerId };

function profilePath(version: 'v1' | 'v2', customerId: string): string {
  if (!isCustomerId(customerId)) throw new UpstreamError('bad_request', 'Invalid customer id');
  return `/${version}/customers/${customerId}/profile`;
}

export type Caller = { accessToken: string; marketLocale: string };

export async function fetchProfile(customerId: string, caller: Caller): Promise<Profile> {
  const { json } = await clubmedRequest({ method: 'GET', path: profilePath('v2', customerId), ...caller });
  const parsed = parseProfileResponse(json);
  if (!parsed.ok) throw new UpstreamError('malformed', `Profile response does not match the contract: ${parsed.issues.slice(0, 3).join('; ')}`);
  return parsed.profile;
}

export async function patchProfile(
  customerId: string,
  patch: ProfilePatch,
  options: { forceAddress: boolean },
  caller: Caller,
): Promise<void> {
  const query = options.forceAddress ? new URLSearchParams({ force_address: 'true' }) : undefined;
  await clubmedRequest({ method: 'PATCH', path: profilePath('v1', customerId), query, body: patch, ...caller });
}

export type CustomerSearchFilter = { key: 'email' | 'last_name' | 'gm_number' | 'phones.number'; value: string };

export type CustomerSummary = {
  id: string;
  gmNumber: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  loyaltyStatus: string | null;
};

export async function searchCustomers(
  filters: CustomerSearchFilter[],
  page: { limit: number; page: number },
  caller: Caller,
): Promise<CustomerSummary[]> {
  const query = new URLSearchParams();
  for (const filter of filters) query.append('filter', `${filter.key}==${filter.value}`);
  query.set('limit', String(page.limit));
  query.set('page', String(page.page));
  const { json } = await clubmedRequest({ method: 'GET', path: '/v1/customers', query, ...caller });
  if (!Array.isArray(json)) throw new UpstreamError('malformed', 'Customer search did not return an array');
  return json.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const row = item as Record<string, unknown>;
    const id = row.id === undefined || row.id === null ? '' : String(row.id);
    if (!isCustomerId(id)) return [];
    const loyalty = row.loyalty_program as Record<string, unknown> | null | undefined;
    return [
      {
        id,
        gmNumber: stringOrNull(row.gm_number),
        firstName: stringOrNull(row.first_name),
        lastName: stringOrNull(row.last_name),
        email: stringOrNull(row.email),
        loyaltyStatus: stringOrNull(loyalty?.status),
      },
    ];
  });
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}
