import 'server-only';
import NextAuth from 'next-auth';
import type { NextAuthConfig } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { isCustomerId } from '@/lib/clubmed/customer-id';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { safeCallbackPath } from './redirect';
import { CUSTOMER_PROVIDER_ID, STAFF_PROVIDER_ID, type Role, type SessionTokens } from './roles';

declare module 'next-auth' {
  interface Session {
    role: Role;
  }
}
declare module 'next-auth/jwt' {
  // The encrypted session cookie carries the tokens; the `session` callback never copies them out.
  interface JWT extends Partial<SessionTokens> {
    error?: 'refresh_failed';
  }
}

const SCOPE = 'openid profile email offline_access';

function oidcProvider(id: string, name: string, issuer: string, clientId: string, clientSecret: string) {
  return {
    id,
    name,
    type: 'oidc' as const,
    issuer,
    clientId,
    clientSecret,
    checks: ['pkce' as const, 'state' as const, 'nonce' as const],
    authorization: { params: { scope: SCOPE } },
    profile(claims: Record<string, unknown>) {
      return {
        id: String(claims.sub),
        name: typeof claims.name === 'string' ? claims.name : null,
        email: typeof claims.email === 'string' ? claims.email : null,
      };
    },
  };
}

/** The role comes from which issuer signed the user in, and the token must agree. */
function tokensFromSignIn(providerId: string, claims: Record<string, unknown>, account: {
  access_token?: string;
  refresh_token?: string;
  expires_at?: number;
}): SessionTokens {
  const role: Role = providerId === STAFF_PROVIDER_ID ? 'staff' : 'customer';
  const subject = String(claims.sub ?? '');
  if (claims.clubmed_role !== undefined && claims.clubmed_role !== role) {
    throw new Error(`Sign-in refused: ${providerId} token is not a ${role} token`);
  }
  if (role === 'customer' && !isCustomerId(subject)) throw new Error('Sign-in refused: customer id is not valid');
  if (!account.access_token) throw new Error('Sign-in refused: no access token');
  return {
    role,
    subject,
    name: typeof claims.name === 'string' ? claims.name : null,
    email: typeof claims.email === 'string' ? claims.email : null,
    locale: typeof claims.locale === 'string' ? claims.locale.slice(0, 35) : null,
    accessToken: account.access_token,
    refreshToken: account.refresh_token ?? null,
    expiresAt: account.expires_at ?? Math.floor(Date.now() / 1000) + 300,
  };
}

function buildAuthConfig(): NextAuthConfig {
  const config = getConfig();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      oidcProvider(CUSTOMER_PROVIDER_ID, 'Club Med', config.CUSTOMER_ISSUER, config.CUSTOMER_CLIENT_ID, config.CUSTOMER_CLIENT_SECRET),
      oidcProvider(STAFF_PROVIDER_ID, 'Club Med staff', config.STAFF_ISSUER, config.STAFF_CLIENT_ID, config.STAFF_CLIENT_SECRET),
    ],
    callbacks: {
      async jwt({ token, account, profile }): Promise<JWT> {
        if (account && profile) {
          const tokens = tokensFromSignIn(account.provider, profile as Record<string, unknown>, account);
          log.info('auth.signed_in', { role: tokens.role, provider: account.provider });
          return { ...tokens, sub: tokens.subject };
        }
        // Refreshing happens in proxy.ts, where the new cookie can be written; never here.
        return token;
      },
      async session({ session, token }) {
        // Only what the browser may see: no tokens, no ids.
        return {
          expires: session.expires,
          role: token.role ?? 'customer',
          user: { name: token.name ?? null, email: token.email ?? null },
        } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl, '/'), baseUrl).toString();
      },
    },
    logger: {
      // next-auth's default logger may print request details; keep ours structured and token-free.
      error: (error) => {
        const cause = (error as { cause?: { err?: unknown } }).cause?.err ?? error.cause;
        log.error('auth.error', {
          name: error.name,
          message: error.message.slice(0, 200),
          cause: cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 300) : undefined,
        });
      },
      warn: (code) => log.warn('auth.warn', { code }),
      debug: () => {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
