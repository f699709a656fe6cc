import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, CLIENTS, CookieJar, follow, pkcePair, resetSandbox, sandbox, type OidcRealm } from './helpers';

type Discovery = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  code_challenge_methods_supported: string[];
  scopes_supported: string[];
};

async function discovery(realm: OidcRealm): Promise<Discovery> {
  const res = await fetch(`${sandbox().url}/${realm}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  return (await res.json()) as Discovery;
}

function authorizeUrl(meta: Discovery, realm: OidcRealm, challenge: string, extra: Record<string, string> = {}) {
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENTS[realm].id,
    redirect_uri: CLIENTS[realm].callback,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    state: 'state-123',
    nonce: 'nonce-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  return url.href;
}

/** Drives authorize → sign-in page → form post → redirect with code, like a browser would. */
async function signIn(realm: OidcRealm, email: string, password: string) {
  const meta = await discovery(realm);
  const { verifier, challenge } = pkcePair();
  const jar = new CookieJar();
  const page = await follow(jar, authorizeUrl(meta, realm, challenge));
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeTruthy();
  const done = await follow(jar, new URL(action!.replace(/&amp;/g, '&'), page.url || sandbox().url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  return { meta, verifier, jar, html, done };
}

async function exchangeCode(meta: Discovery, realm: OidcRealm, code: string, verifier: string) {
  const res = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENTS[realm].id}:${CLIENTS[realm].secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CLIENTS[realm].callback, code_verifier: verifier }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function refresh(meta: Discovery, realm: OidcRealm, refreshToken: string) {
  // client_secret_post this time: both secret methods are accepted.
  const res = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENTS[realm].id,
      client_secret: CLIENTS[realm].secret,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

function codeFrom(res: Response): string {
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('state-123');
  return location.searchParams.get('code')!;
}

beforeAll(resetSandbox);

describe('discovery', () => {
  it.each(['customers', 'staff'] as const)('serves %s metadata with its issuer URL', async (realm) => {
    const meta = await discovery(realm);
    expect(meta.issuer).toBe(`${sandbox().url}/${realm}`);
    expect(meta.authorization_endpoint.startsWith(`${sandbox().url}/${realm}/`)).toBe(true);
    expect(meta.token_endpoint.startsWith(`${sandbox().url}/${realm}/`)).toBe(true);
    expect(meta.end_session_endpoint.startsWith(`${sandbox().url}/${realm}/`)).toBe(true);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']));
    // next-auth (and most OIDC clients) refuse an issuer whose discovery has no userinfo endpoint.
    expect(meta.userinfo_endpoint).toBe(`${sandbox().url}/${realm}/me`);
    const jwks = await (await fetch(meta.jwks_uri)).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0].d).toBeUndefined();
  });
});

describe('customer sign-in (authorization code + PKCE)', () => {
  it('shows an accessible sign-in page', async () => {
    const meta = await discovery('customers');
    const jar = new CookieJar();
    const page = await follow(jar, authorizeUrl(meta, 'customers', pkcePair().challenge));
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(html).not.toMatch(/<script/i);
  });

  it('rejects a wrong password with a clear error and keeps the email', async () => {
    const { done } = await signIn('customers', 'tom@example.com', 'wrong-password');
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('Email or password is incorrect');
    expect(html).toContain('value="tom@example.com"');
  });

  it('locks an account after 10 failed sign-ins, with a clear message, even with the right password', async () => {
    // A seeded account nothing else signs in with: the lockout lasts 15 minutes.
    const email = 'yuki.tanaka@example.jp';
    for (let attempt = 1; attempt <= 10; attempt++) {
      const { done } = await signIn('customers', email, `wrong-${attempt}`);
      expect(await done.text()).toContain('Email or password is incorrect');
    }
    const { done } = await signIn('customers', email, 'clubmed-demo');
    expect(done.status).toBe(429);
    const html = await done.text();
    expect(html).toContain('Too many failed sign-in attempts');
    expect(html).toContain(`value="${email}"`);
    // Another account is not affected.
    const other = await signIn('customers', 'jose.garcia@example.es', 'clubmed-demo');
    expect(other.done.status).not.toBe(429);
  });

  it('requires PKCE', async () => {
    const meta = await discovery('customers');
    const url = new URL(authorizeUrl(meta, 'customers', 'x'));
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('error=invalid_request');
  });

  it('issues JWT access tokens the API accepts, an ID token with the role, and rotating refresh tokens', async () => {
    const { meta, verifier, done } = await signIn('customers', 'TOM@example.com', 'clubmed-demo');
    const code = codeFrom(done);
    const tokens = await exchangeCode(meta, 'customers', code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body.refresh_token).toBeTruthy();
    expect(tokens.body.expires_in).toBe(600);

    const header = decodeProtectedHeader(tokens.body.access_token!);
    expect(header.typ).toBe('at+jwt');
    const jwks = createRemoteJWKSet(new URL(meta.jwks_uri));
    const { payload } = await jwtVerify(tokens.body.access_token!, jwks, {
      issuer: `${sandbox().url}/customers`,
      audience: 'clubmed-customer-api',
    });
    expect(payload.sub).toBe('123456789');
    expect(payload.clubmed_role).toBe('customer');
    expect(payload.client_id).toBe('profile-app');
    expect(payload.exp! - payload.iat!).toBe(600);

    const idToken = decodeJwt(tokens.body.id_token!);
    expect(idToken).toMatchObject({
      sub: '123456789',
      clubmed_role: 'customer',
      email: 'tom@example.com',
      name: 'Tom Smith',
      given_name: 'Tom',
      family_name: 'Smith',
      nonce: 'nonce-123',
    });

    const profile = await api('/v2/customers/123456789/profile', { token: tokens.body.access_token });
    expect(profile.status).toBe(200);

    const renewed = await refresh(meta, 'customers', tokens.body.refresh_token!);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).toBeTruthy();
    expect(renewed.body.refresh_token).not.toBe(tokens.body.refresh_token);
    expect(decodeJwt(renewed.body.access_token!)).toMatchObject({ sub: '123456789', aud: 'clubmed-customer-api', clubmed_role: 'customer' });
    expect((await api('/v2/customers/123456789/profile', { token: renewed.body.access_token })).status).toBe(200);

    const reused = await refresh(meta, 'customers', tokens.body.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('does not let a code be used twice or without the right verifier', async () => {
    const { meta, verifier, done } = await signIn('customers', 'aoife.obrien@example.ie', 'clubmed-demo');
    const code = codeFrom(done);
    expect((await exchangeCode(meta, 'customers', code, `${verifier}x`)).status).toBe(400);
    const { meta: meta2, verifier: verifier2, done: done2 } = await signIn('customers', 'aoife.obrien@example.ie', 'clubmed-demo');
    const code2 = codeFrom(done2);
    expect((await exchangeCode(meta2, 'customers', code2, verifier2)).status).toBe(200);
    expect((await exchangeCode(meta2, 'customers', code2, verifier2)).status).toBe(400);
  });

  it('signs in again without the form while the session lasts', async () => {
    const { meta, jar, done } = await signIn('customers', 'tom@example.com', 'clubmed-demo');
    codeFrom(done);
    const again = await follow(jar, authorizeUrl(meta, 'customers', pkcePair().challenge));
    expect(again.status).toBe(303);
    expect(new URL(again.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('ends the session (RP-initiated logout) through a Sign out button', async () => {
    const { meta, jar, verifier, done } = await signIn('customers', 'tom@example.com', 'clubmed-demo');
    const tokens = await exchangeCode(meta, 'customers', codeFrom(done), verifier);
    const endSession = new URL(meta.end_session_endpoint);
    endSession.search = new URLSearchParams({
      id_token_hint: tokens.body.id_token!,
      post_logout_redirect_uri: 'http://localhost:3000/signed-out',
      state: 'bye',
    }).toString();
    const confirm = await follow(jar, endSession.href);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('>Sign out</button>');
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html)!;
    const fields = new URLSearchParams({ logout: 'yes' });
    for (const [, name, value] of form[2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields.set(name!, value!);
    const out = await follow(jar, new URL(form[1]!, endSession).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('http://localhost:3000/signed-out?state=bye');
    const page = await follow(jar, authorizeUrl(meta, 'customers', pkcePair().challenge));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in');
  });
});

describe('staff sign-in', () => {
  it('issues staff tokens (staff id, role, name, email) that can read any customer but not patch', async () => {
    const { meta, verifier, done } = await signIn('staff', 'agent@clubmed.example', 'clubmed-demo');
    const tokens = await exchangeCode(meta, 'staff', codeFrom(done), verifier);
    expect(tokens.status).toBe(200);
    const access = decodeJwt(tokens.body.access_token!);
    expect(access).toMatchObject({
      sub: 'S1001',
      clubmed_role: 'staff',
      name: 'Alex Agent',
      email: 'agent@clubmed.example',
      iss: `${sandbox().url}/staff`,
      aud: 'clubmed-customer-api',
    });
    expect(decodeJwt(tokens.body.id_token!)).toMatchObject({ sub: 'S1001', clubmed_role: 'staff' });
    expect((await api('/v2/customers/345678912/profile', { token: tokens.body.access_token })).status).toBe(200);
    const patch = await api('/v1/customers/345678912/profile', { method: 'PATCH', token: tokens.body.access_token, body: { first_name: 'X' } });
    expect(patch.status).toBe(403);
  });

  it('does not accept customer credentials at the staff issuer', async () => {
    const { done } = await signIn('staff', 'tom@example.com', 'clubmed-demo');
    expect(await done.text()).toContain('Email or password is incorrect');
  });
});
