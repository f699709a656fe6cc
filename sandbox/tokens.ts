import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, importJWK, jwtVerify, SignJWT } from 'jose';
import { API_AUDIENCE, issuerUrl, type Realm, type SandboxConfig } from './config';
import { loadSigningKeys, publicJwks } from './keys';

/** The scope claim of access tokens the providers issue (offline_access is not repeated there). */
export const DEFAULT_SCOPE = 'openid profile email';

export type AccessTokenSubject =
  | { realm: 'customer'; customerId: string }
  | { realm: 'staff'; staffId: string; name: string; email: string };

/** Claims the providers add to access tokens (oidc-provider `extraTokenClaims`). */
export function extraAccessTokenClaims(subject: AccessTokenSubject): Record<string, string> {
  return subject.realm === 'customer'
    ? { clubmed_role: 'customer' }
    : { clubmed_role: 'staff', name: subject.name, email: subject.email };
}

/**
 * Signs an access token exactly like the providers do (same key, header, claims, audience,
 * issuer and TTL). Used by the token CLI and by tests; `expiresAt` lets tests mint expired ones.
 */
export async function signAccessToken(
  config: SandboxConfig,
  subject: AccessTokenSubject,
  options: { expiresAt?: number; audience?: string } = {},
): Promise<string> {
  const jwks = await loadSigningKeys(config.dataDir, subject.realm);
  const jwk = jwks.keys[0]!;
  const key = await importJWK(jwk, jwk.alg);
  const now = Math.floor(Date.now() / 1000);
  const clientId = subject.realm === 'customer' ? config.customerClient.id : config.staffClient.id;
  return new SignJWT({
    ...extraAccessTokenClaims(subject),
    jti: randomUUID(),
    scope: DEFAULT_SCOPE,
    client_id: clientId,
  })
    .setProtectedHeader({ alg: jwk.alg, typ: 'at+jwt', kid: jwk.kid })
    .setSubject(subject.realm === 'customer' ? subject.customerId : subject.staffId)
    .setIssuedAt(options.expiresAt === undefined ? now : Math.min(now, options.expiresAt - 1))
    .setExpirationTime(options.expiresAt ?? now + config.accessTokenTtl)
    .setIssuer(issuerUrl(config, subject.realm))
    .setAudience(options.audience ?? API_AUDIENCE)
    .sign(key);
}

export type Caller = { realm: 'customer'; customerId: string } | { realm: 'staff'; staffId: string };

/**
 * Verifies bearer tokens against both issuers: the `iss` claim picks the issuer, whose keys,
 * issuer URL and the API audience must all match. The role comes from the issuer, not from a claim.
 */
export async function createTokenVerifier(config: SandboxConfig): Promise<(token: string) => Promise<Caller | null>> {
  const realms: Realm[] = ['customer', 'staff'];
  const byIssuer = new Map(
    await Promise.all(
      realms.map(async (realm) => {
        const keys = createLocalJWKSet(publicJwks(await loadSigningKeys(config.dataDir, realm)));
        return [issuerUrl(config, realm), { realm, keys }] as const;
      }),
    ),
  );
  return async (token) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return null;
    }
    const entry = typeof issuer === 'string' ? byIssuer.get(issuer) : undefined;
    if (!entry) return null;
    try {
      const { payload } = await jwtVerify(token, entry.keys, {
        issuer: issuer as string,
        audience: API_AUDIENCE,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const sub = payload.sub!;
      if (entry.realm === 'customer') return /^[1-9][0-9]*$/.test(sub) ? { realm: 'customer', customerId: sub } : null;
      return { realm: 'staff', staffId: sub };
    } catch {
      return null;
    }
  };
}
