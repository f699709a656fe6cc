import { getToken, encode } from 'next-auth/jwt';
import type { JWT } from 'next-auth/jwt';

/**
 * The session cookie's name depends on the scheme (next-auth prefixes `__Secure-` on https).
 * One place decides it so the proxy, pages and actions read the same cookie.
 */
export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith('https://') ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

export async function readSessionToken(headers: Headers, secret: string, appUrl: string): Promise<JWT | null> {
  const cookieName = sessionCookieName(appUrl);
  return getToken({ req: { headers }, secret, secureCookie: appUrl.startsWith('https://'), cookieName, salt: cookieName });
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export async function encodeSessionToken(token: JWT, secret: string, appUrl: string): Promise<string> {
  const cookieName = sessionCookieName(appUrl);
  return encode({ token, secret, salt: cookieName, maxAge: SESSION_MAX_AGE_SECONDS });
}
