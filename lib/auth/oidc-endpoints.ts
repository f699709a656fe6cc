import { getConfig } from '@/lib/config';
import type { Role } from './roles';

type Discovery = { token_endpoint: string; end_session_endpoint?: string };

const discoveries = new Map<string, Promise<Discovery>>();

export function issuerFor(role: Role) {
  const config = getConfig();
  return role === 'staff'
    ? { issuer: config.STAFF_ISSUER, clientId: config.STAFF_CLIENT_ID, clientSecret: config.STAFF_CLIENT_SECRET }
    : { issuer: config.CUSTOMER_ISSUER, clientId: config.CUSTOMER_CLIENT_ID, clientSecret: config.CUSTOMER_CLIENT_SECRET };
}

/** The issuer's discovery document, fetched once per process (and again after a failure). */
export function discover(issuer: string): Promise<Discovery> {
  let pending = discoveries.get(issuer);
  if (!pending) {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    pending = fetch(url, { signal: AbortSignal.timeout(getConfig().UPSTREAM_TIMEOUT_MS) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`OIDC discovery failed with ${response.status}`);
        const body = (await response.json()) as Discovery;
        if (typeof body.token_endpoint !== 'string') throw new Error('OIDC discovery has no token_endpoint');
        return body;
      })
      .catch((error: unknown) => {
        discoveries.delete(issuer);
        throw error;
      });
    discoveries.set(issuer, pending);
  }
  return pending;
}
