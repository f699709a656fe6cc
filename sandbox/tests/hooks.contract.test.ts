import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, customerToken, getProfile, hook, lastSeq, patchProfile, resetSandbox, sandbox, storedProfile, TOM } from './helpers';

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
