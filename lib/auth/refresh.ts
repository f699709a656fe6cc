import type { JWT } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { discover, issuerFor } from './oidc-endpoints';

/** Refresh this long before expiry, so a token read by a page render is still valid when used. */
export const REFRESH_MARGIN_SECONDS = 60;

export function needsRefresh(token: JWT, nowSeconds = Date.now() / 1000): boolean {
  return typeof token.expiresAt === 'number' && token.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

/**
 * Refresh tokens rotate: each may be used once. Requests that arrive together with the same
 * refresh token share one refresh, and a request arriving just after (still carrying the old
 * cookie) gets the result instead of replaying the used token.
 */
const refreshes = new Map<string, { result: Promise<JWT>; at: number }>();
const REMEMBER_MS = 60_000;

export function refreshSessionToken(token: JWT): Promise<JWT> {
  const refreshToken = token.refreshToken;
  if (!refreshToken || !token.role) return Promise.reject(new Error('No refresh token in session'));
  const now = Date.now();
  for (const [key, entry] of refreshes) if (now - entry.at > REMEMBER_MS) refreshes.delete(key);
  const known = refreshes.get(refreshToken);
  if (known) return known.result;
  const result = requestRefresh(token, refreshToken);
  refreshes.set(refreshToken, { result, at: now });
  return result;
}

async function requestRefresh(token: JWT, refreshToken: string): Promise<JWT> {
  const { issuer, clientId, clientSecret } = issuerFor(token.role!);
  const { token_endpoint } = await discover(issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    signal: AbortSignal.timeout(getConfig().UPSTREAM_TIMEOUT_MS),
  });
  if (!response.ok) {
    log.warn('auth.refresh_failed', { status: response.status, role: token.role });
    throw new Error(`Token refresh failed with ${response.status}`);
  }
  const body = (await response.json()) as { access_token?: string; refresh_token?: string; expires_in?: number };
  if (!body.access_token) throw new Error('Token refresh returned no access token');
  log.info('auth.refreshed', { role: token.role });
  return {
    ...token,
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? refreshToken,
    expiresAt: Math.floor(Date.now() / 1000) + (body.expires_in ?? 300),
  };
}
