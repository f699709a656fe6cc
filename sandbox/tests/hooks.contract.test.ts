import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, CLIENTS, CookieJar, customerToken, follow, getProfile, hook, lastSeq, patchProfile, pkcePair, resetSandbox, sandbox, storedProfile, TOM } from './helpers';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

beforeEach(resetSandbox);

describe('test hooks', () => {
  it('need the API key (except health)', async () => {
    expect((await fetch(`${sandbox().url}/__sandbox/requests`)).status).toBe(401);
    expect((await fetch(`${sandbox().url}/__sandbox/health`)).status).toBe(200);
  });

  it('reset re-seeds', async () => {
    expect((await patchProfile(TOM, { first_name: 'Changed' })).status).toBe(204);
    await resetSandbox();
    expect((await storedProfile(TOM)).first_name).toBe('Tom');
  });

  it('POST /__sandbox/customers/:id merges a change made elsewhere', async () => {
    const res = await hook(`/customers/${TOM}`, { method: 'POST', body: { email: 'elsewhere@example.com', address: { street: 'Cours Mirabeau' } } });
    expect(res.status).toBe(200);
    expect(await storedProfile(TOM)).toMatchObject({
      email: 'elsewhere@example.com',
      first_name: 'Tom',
      address: { street: 'Cours Mirabeau', city: 'Aix-en-Provence' },
    });
  });
});

describe('fault injection', () => {
  const route = 'GET /v2/customers/:id/profile';

  it('answers the next N calls with a status (and retry-after), then recovers', async () => {
    expect((await hook('/faults', { method: 'POST', body: { route, times: 2, status: 503, retryAfter: 7 } })).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await getProfile(TOM);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ status_code: 503 });
    }
    expect((await getProfile(TOM)).status).toBe(200);
  });

  it('serves malformed, HTML and empty bodies', async () => {
    await hook('/faults', { method: 'POST', body: { route, times: 1, body: 'malformed' } });
    const malformed = await getProfile(TOM);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    await hook('/faults', { method: 'POST', body: { route, times: 1, status: 502, body: 'html' } });
    const html = await getProfile(TOM);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    await hook('/faults', { method: 'POST', body: { route, times: 1, status: 500, body: 'empty' } });
    const empty = await getProfile(TOM);
    expect(empty.status).toBe(500);
    expect(await empty.text()).toBe('');
  });

  it('adds latency, and hangs until the client gives up', async () => {
    await hook('/faults', { method: 'POST', body: { route, times: 1, latencyMs: 300 } });
    const started = Date.now();
    expect((await getProfile(TOM)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    await hook('/faults', { method: 'POST', body: { route, times: 1, hang: true } });
    const token = await customerToken(TOM);
    const hung = fetch(`${sandbox().url}/v2/customers/${TOM}/profile`, {
      headers: { 'x-api-key': sandbox().apiKey, 'accept-language': 'fr-FR', authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    // The fault was used once: the next call answers.
    expect((await getProfile(TOM)).status).toBe(200);
  });

  it('drops the connection', async () => {
    await hook('/faults', { method: 'POST', body: { route: 'PATCH /v1/customers/:id/profile', times: 1, drop: true } });
    await expect(patchProfile(TOM, { first_name: 'Dropped' })).rejects.toThrow();
    expect((await storedProfile(TOM)).first_name).toBe('Tom');
  });

  it('only affects its route, and DELETE clears faults', async () => {
    await hook('/faults', { method: 'POST', body: { route: 'GET /v1/customers', times: 5, status: 500 } });
    expect((await getProfile(TOM)).status).toBe(200);
    expect((await hook('/faults', { method: 'DELETE' })).status).toBe(204);
    expect(((await (await hook('/faults')).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it('rejects an invalid fault', async () => {
    expect((await hook('/faults', { method: 'POST', body: { route: 'GET /nowhere', times: 1 } })).status).toBe(400);
  });

  it('logs faulted requests', async () => {
    const since = await lastSeq();
    await hook('/faults', { method: 'POST', body: { route, times: 1, status: 500 } });
    await getProfile(TOM);
    const { requests } = (await (await hook(`/requests?since=${since}`)).json()) as { requests: { status: number; fault?: string }[] };
    expect(requests).toEqual([expect.objectContaining({ status: 500, fault: 'status 500' })]);
  });
});

describe('token CLI', () => {
  const env = () => ({ ...process.env, SANDBOX_DATA_DIR: sandbox().dataDir, SANDBOX_URL: sandbox().url });

  it('prints only a customer access token the API accepts', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'sandbox/cli/token.ts', TOM], { cwd: root, env: env() });
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(decodeJwt(token)).toMatchObject({ sub: TOM, clubmed_role: 'customer', aud: 'clubmed-customer-api', iss: `${sandbox().url}/customers` });
    expect((await api(`/v2/customers/${TOM}/profile`, { token })).status).toBe(200);
  });

  it('prints a staff token for --staff <email>', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'sandbox/cli/token.ts', '--staff', 'agent@clubmed.example'], { cwd: root, env: env() });
    expect(decodeJwt(stdout.trim())).toMatchObject({ sub: 'S1001', clubmed_role: 'staff', name: 'Alex Agent', email: 'agent@clubmed.example' });
  });

  it('fails with a message for an unknown customer', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'sandbox/cli/token.ts', '999'], { cwd: root, env: env() })).rejects.toMatchObject({
      code: 1,
      stdout: '',
    });
  });
});

/** Signs Tom in at the customer issuer (authorization code + PKCE) and returns the token response. */
async function customerTokens(): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const meta = (await (await fetch(`${sandbox().url}/customers/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const { verifier, challenge } = pkcePair();
  const jar = new CookieJar();
  const authorize = new URL(meta.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: CLIENTS.customers.id,
    redirect_uri: CLIENTS.customers.callback,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    state: 'ttl',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const page = await follow(jar, authorize.href);
  const action = /<form method="post" action="([^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, '&');
  const done = await follow(jar, new URL(action, sandbox().url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'tom@example.com', password: 'clubmed-demo' }).toString(),
  });
  const code = new URL(done.headers.get('location')!).searchParams.get('code')!;
  return tokenRequest(meta.token_endpoint, { grant_type: 'authorization_code', code, redirect_uri: CLIENTS.customers.callback, code_verifier: verifier });
}

async function tokenRequest(endpoint: string, params: Record<string, string>) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENTS.customers.id}:${CLIENTS.customers.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams(params),
  });
  const body = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number; error?: string };
  if (!res.ok) throw Object.assign(new Error(`token endpoint answered ${res.status}`), { status: res.status, body });
  return body;
}

const lifetime = (accessToken: string) => {
  const { exp, iat } = decodeJwt(accessToken);
  return exp! - iat!;
};

describe('access token lifetime', () => {
  const tokenEndpoint = () => `${sandbox().url}/customers/token`;

  it('changes the lifetime of tokens issued from then on, at sign-in and at refresh', async () => {
    expect(await (await hook('/access-token-ttl')).json()).toEqual({ seconds: 600, configured: 600, overridden: false });
    const before = await customerTokens();
    expect(lifetime(before.access_token)).toBe(600);

    const set = await hook('/access-token-ttl', { method: 'POST', body: { seconds: 3 } });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ seconds: 3, configured: 600, overridden: true });
    const short = await customerTokens();
    expect(short.expires_in).toBe(3);
    expect(lifetime(short.access_token)).toBe(3);
    // Already issued tokens keep their lifetime; refreshed ones get the new one.
    expect(lifetime(before.access_token)).toBe(600);
    const refreshed = await tokenRequest(tokenEndpoint(), { grant_type: 'refresh_token', refresh_token: before.refresh_token });
    expect(lifetime(refreshed.access_token)).toBe(3);

    // It really expires: the API refuses it after 3 s.
    expect((await getProfile(TOM, short.access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4_100));
    expect((await getProfile(TOM, short.access_token)).status).toBe(401);
  });

  it('is restored by {seconds: null}, DELETE and reset', async () => {
    for (const restore of [
      () => hook('/access-token-ttl', { method: 'POST', body: { seconds: null } }),
      () => hook('/access-token-ttl', { method: 'DELETE' }),
      () => hook('/reset', { method: 'POST' }),
    ]) {
      await hook('/access-token-ttl', { method: 'POST', body: { seconds: 5 } });
      expect((await restore()).status).toBe(200);
      expect(await (await hook('/access-token-ttl')).json()).toMatchObject({ seconds: 600, overridden: false });
      expect(lifetime((await customerTokens()).access_token)).toBe(600);
    }
  });

  it('needs the API key and a valid lifetime', async () => {
    expect((await fetch(`${sandbox().url}/__sandbox/access-token-ttl`, { method: 'POST', body: '{"seconds":3}' })).status).toBe(401);
    for (const body of [{ seconds: 0 }, { seconds: 1.5 }, { seconds: '3' }, {}, { seconds: 3, extra: true }]) {
      const res = await hook('/access-token-ttl', { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [expect.objectContaining({ error_code: 'INVALID_TTL' })] });
    }
  });
});

describe('ending a customer’s sessions', () => {
  it('makes the refresh token fail and the next sign-in ask for the password', async () => {
    const tokens = await customerTokens();
    const res = await hook(`/customers/${TOM}/sessions`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { revoked: number }).revoked).toBeGreaterThan(0);
    await expect(
      tokenRequest(`${sandbox().url}/customers/token`, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }),
    ).rejects.toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // The access token is a JWT: it lasts until it expires.
    expect((await getProfile(TOM, tokens.access_token)).status).toBe(200);
  });
});
