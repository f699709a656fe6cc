import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import type { Role } from './roles';
import { readSessionToken } from './session-cookie';
import { signInPathFor } from './paths';

export type CustomerSession = { role: 'customer'; customerId: string; name: string | null; email: string | null; locale: string | null; accessToken: string };
export type StaffSession = { role: 'staff'; staffId: string; name: string | null; email: string | null; locale: string | null; accessToken: string };
export type AppSession = CustomerSession | StaffSession;

/**
 * The one way server code learns who is calling. Decrypts the session cookie (tokens stay on the
 * server); `cache()` makes it one decode per request however many components ask.
 */
export const getSession = cache(async (): Promise<AppSession | null> => {
  const requestHeaders = await headers(); // first: it marks the render dynamic before config is read
  const config = getConfig();
  const token = await readSessionToken(requestHeaders, config.AUTH_SECRET, config.APP_URL);
  if (!token || !token.accessToken || !token.subject || token.error) return null;
  const role: Role | undefined = token.role;
  const common = { name: token.name ?? null, email: token.email ?? null, locale: token.locale ?? null, accessToken: token.accessToken };
  if (role === 'customer') return { role, customerId: token.subject, ...common };
  if (role === 'staff') return { role, staffId: token.subject, ...common };
  return null;
});

/** For pages: a customer session or a redirect (to sign-in, or staff to their own area). */
export async function requireCustomerPage(callbackPath: string): Promise<CustomerSession> {
  const session = await getSession();
  if (!session) redirect(signInPathFor('customer', callbackPath));
  if (session.role !== 'customer') redirect('/staff');
  return session;
}

export async function requireStaffPage(callbackPath: string): Promise<StaffSession> {
  const session = await getSession();
  if (!session) redirect(signInPathFor('staff', callbackPath));
  if (session.role !== 'staff') redirect('/forbidden');
  return session;
}
