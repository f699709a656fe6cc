import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { API_AUDIENCE, API_RESOURCE, ISSUER_PATHS, issuerUrl, type Realm, type SandboxConfig } from '../config';
import { findCustomerByEmail, findStaffByEmail, getCustomer, getStaff, type SandboxDb } from '../db';
import { loadCookieKeys, loadSigningKeys } from '../keys';
import { verifyPassword } from '../passwords';
import { signInAttempts } from './sign-in-attempts';
import { DEMO_PASSWORD } from '../seed';
import { RuntimeSettings } from '../runtime';
import { extraAccessTokenClaims } from '../tokens';
import { sqliteAdapter } from './adapter';
import { errorPage, logoutPage, signedOutPage, signInPage } from './pages';

/**
 * The two sandbox identity providers (customers, staff), each an oidc-provider instance mounted
 * under its issuer path. Clients are first-party: consent is granted automatically and a refresh
 * token is always issued; access tokens are JWTs for the customer API.
 */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

const HEADINGS: Record<Realm, string> = {
  customer: 'Sign in to Club Med',
  staff: 'Club Med staff sign-in',
};

export const SIGN_IN_ERROR = 'Email or password is incorrect';

type AccountInfo = { accountId: string; claims: Record<string, string | null> };

function customerAccount(db: SandboxDb, id: string): AccountInfo | undefined {
  const row = getCustomer(db, id);
  if (!row) return undefined;
  const p = row.profile as Record<string, string | null>;
  const unicodeName = [p.unicode_last_name, p.unicode_first_name].filter(Boolean).join('');
  return {
    accountId: row.id,
    claims: {
      clubmed_role: 'customer',
      email: p.email ?? null,
      given_name: p.first_name ?? null,
      family_name: p.last_name ?? null,
      name: [p.first_name, p.last_name].filter(Boolean).join(' ') || unicodeName || null,
      // Standard OIDC `profile` claim: lets the app pick the interface language without a profile read.
      locale: p.locale ?? null,
    },
  };
}

function staffAccount(db: SandboxDb, id: string): AccountInfo | undefined {
  const staff = getStaff(db, id);
  if (!staff) return undefined;
  return {
    accountId: staff.id,
    claims: {
      clubmed_role: 'staff',
      email: staff.email,
      given_name: staff.givenName,
      family_name: staff.familyName,
      name: staff.name,
    },
  };
}

function lookupAccount(db: SandboxDb, realm: Realm, id: string): AccountInfo | undefined {
  return realm === 'customer' ? customerAccount(db, id) : staffAccount(db, id);
}

/** Returns the account id when the credentials are right. */
export function authenticate(db: SandboxDb, realm: Realm, email: string, password: string): string | undefined {
  const account = realm === 'customer' ? findCustomerByEmail(db, email) : findStaffByEmail(db, email);
  return account && verifyPassword(password, account.passwordHash) ? account.id : undefined;
}

function htmlType(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
}

async function createProvider(config: SandboxConfig, db: SandboxDb, realm: Realm, runtime: RuntimeSettings): Promise<Provider> {
  const client = realm === 'customer' ? config.customerClient : config.staffClient;
  const callbackName = realm === 'customer' ? 'clubmed' : 'clubmed-staff';
  const prefix = ISSUER_PATHS[realm];
  const heading = HEADINGS[realm];

  const configuration: Configuration = {
    adapter: sqliteAdapter(db, realm),
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: config.appUrls.map((url) => `${url}/api/auth/callback/${callbackName}`),
        post_logout_redirect_uris: config.appUrls.flatMap((url) => [`${url}/`, `${url}/signed-out`]),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // client_secret_post is accepted as well: oidc-provider treats the two secret methods alike.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: await loadSigningKeys(config.dataDir, realm),
    cookies: {
      keys: loadCookieKeys(config.dataDir),
      names: {
        session: `_${realm}_session`,
        interaction: `_${realm}_interaction`,
        resume: `_${realm}_interaction_resume`,
      },
    },
    scopes: SUPPORTED_SCOPES,
    claims: {
      openid: ['sub', 'clubmed_role'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
      email: ['email'],
    },
    // Put the scope's claims (role, name, email) in the ID token too, not only at userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const account = lookupAccount(db, realm, sub);
      if (!account) return undefined;
      return {
        accountId: account.accountId,
        async claims() {
          return { sub: account.accountId, ...account.claims };
        },
      };
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      if (realm === 'customer') return extraAccessTokenClaims({ realm, customerId: token.accountId });
      const staff = getStaff(db, token.accountId);
      return staff ? extraAccessTokenClaims({ realm, staffId: staff.id, name: staff.name, email: staff.email }) : undefined;
    },
    issueRefreshToken: async (_ctx, oidcClient) => oidcClient.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    expiresWithSession: async () => false,
    ttl: {
      // Read at issue time: POST /__sandbox/access-token-ttl changes it while the sandbox runs.
      AccessToken: () => runtime.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    // First-party clients: grant whatever was requested, so no consent screen is ever shown.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const accountId = oidc.session!.accountId!;
      const clientId = oidc.client!.clientId;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== accountId) grant = new oidc.provider.Grant({ clientId, accountId });
      const requested = [...oidc.requestParamScopes];
      grant.addOIDCScope(requested.filter((scope) => SUPPORTED_SCOPES.includes(scope)).join(' '));
      for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
        grant.addResourceScope(indicator, requested.filter((scope) => server.scopes.has(scope)).join(' '));
      }
      await grant.save();
      return grant;
    },
    interactions: {
      url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      // Published like any OIDC issuer's (clients such as next-auth require it in discovery). The
      // access tokens are bound to the customer API's audience, so userinfo refuses them; the ID
      // token carries every claim, and that is what the app reads.
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          htmlType(ctx);
          ctx.body = logoutPage(heading.replace('Sign in to', 'Sign out of'), form);
        },
        async postLogoutSuccessSource(ctx) {
          htmlType(ctx);
          ctx.body = signedOutPage('Signed out');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: SUPPORTED_SCOPES.join(' '),
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: runtime.accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async renderError(ctx, out) {
      htmlType(ctx);
      ctx.body = errorPage('Sign-in error', out as unknown as Record<string, string>);
    },
  };

  const provider = new Provider(issuerUrl(config, realm), configuration);
  return provider;
}

export type IdentityProviders = Record<Realm, Provider>;

export async function createProviders(
  config: SandboxConfig,
  db: SandboxDb,
  runtime: RuntimeSettings = new RuntimeSettings(config),
): Promise<IdentityProviders> {
  return {
    customer: await createProvider(config, db, 'customer', runtime),
    staff: await createProvider(config, db, 'staff', runtime),
  };
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Our own interaction routes: `GET {prefix}/interaction/:uid` shows the sign-in page,
 * `POST {prefix}/interaction/:uid` checks the credentials and finishes the login.
 * Returns false when the path is not an interaction route.
 */
export async function handleInteraction(
  providers: IdentityProviders,
  db: SandboxDb,
  realm: Realm,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  const match = new RegExp(`^${ISSUER_PATHS[realm]}/interaction/([\\w-]+)$`).exec(pathname);
  if (!match) return false;
  const provider = providers[realm];
  const action = pathname;
  const hint = `Sandbox: every demo account uses the password "${DEMO_PASSWORD}".`;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, errorPage('Sign-in expired', { error: 'This sign-in link has expired. Go back to the app and sign in again.' }));
    return true;
  }

  if (details.prompt.name === 'consent') {
    // loadExistingGrant normally grants everything up front; if consent is still asked for
    // (e.g. a `claims` parameter), grant exactly what is missing, without a screen.
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }

  if (req.method === 'GET') {
    const loginHint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    sendHtml(res, 200, signInPage({ heading: HEADINGS[realm], action, email: loginHint, hint }));
    return true;
  }
  if (req.method !== 'POST') {
    sendHtml(res, 405, errorPage('Method not allowed', {}));
    return true;
  }
  const form = await readForm(req);
  const email = form.get('email') ?? '';
  const attemptKeys = [`${realm}:account:${email.trim().toLowerCase()}`, `${realm}:address:${req.socket.remoteAddress ?? 'unknown'}`];
  const waitSeconds = await signInAttempts.blockedFor(attemptKeys);
  if (waitSeconds !== null) {
    const error = `Too many failed sign-in attempts. Wait ${Math.ceil(waitSeconds / 60)} minute(s), then try again.`;
    sendHtml(res, 429, signInPage({ heading: HEADINGS[realm], action, email, error, hint }));
    return true;
  }
  const accountId = authenticate(db, realm, email, form.get('password') ?? '');
  if (!accountId) {
    await signInAttempts.recordFailure(attemptKeys);
    sendHtml(res, 200, signInPage({ heading: HEADINGS[realm], action, email, error: SIGN_IN_ERROR, hint }));
    return true;
  }
  await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  return true;
}
