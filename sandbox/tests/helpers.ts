import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { inject } from 'vitest';
import { loadConfig, type SandboxConfig } from '../config';
import { signAccessToken } from '../tokens';

/** Shared helpers for the contract tests: tokens signed like the sandbox's, API and hook calls. */
export const sandbox = () => inject('sandbox');

export function sandboxConfig(): SandboxConfig {
  const { url, dataDir, apiKey } = sandbox();
  return loadConfig({ SANDBOX_URL: url, SANDBOX_DATA_DIR: dataDir, CLUBMED_API_KEY: apiKey });
}

export const TOM = '123456789';
export const AOIFE = '234567891';
export const AMINATA = '345678912';
export const JOSE = '456789123';

export function customerToken(customerId: string, options?: { expiresAt?: number; audience?: string }) {
  return signAccessToken(sandboxConfig(), { realm: 'customer', customerId }, options);
}

export function staffToken(staffId = 'S1001') {
  return signAccessToken(sandboxConfig(), { realm: 'staff', staffId, name: 'Alex Agent', email: 'agent@clubmed.example' });
}

export type ApiCall = {
  method?: string;
  token?: string | null;
  apiKey?: string | null;
  language?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

export async function api(path: string, call: ApiCall = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  const apiKey = call.apiKey === undefined ? sandbox().apiKey : call.apiKey;
  if (apiKey !== null) headers['x-api-key'] = apiKey;
  const language = call.language === undefined ? 'fr-FR' : call.language;
  if (language !== null) headers['accept-language'] = language;
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) body = JSON.stringify(call.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sandbox().url}${path}`, { method: call.method ?? 'GET', headers, body });
}

export async function getProfile(customerId: string, token?: string) {
  return api(`/v2/customers/${customerId}/profile`, { token: token ?? (await customerToken(customerId)) });
}

export async function patchProfile(customerId: string, body: unknown, options: { query?: string; token?: string; language?: string } = {}) {
  return api(`/v1/customers/${customerId}/profile${options.query ?? ''}`, {
    method: 'PATCH',
    token: options.token ?? (await customerToken(customerId)),
    language: options.language,
    body,
  });
}

/** A request with exactly the given headers (fetch adds accept-language: * on its own). */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = http.request(`${sandbox().url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function hook(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${sandbox().url}/__sandbox${path}`, {
    method: init.method ?? 'GET',
    headers: { 'x-api-key': sandbox().apiKey, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export async function resetSandbox(): Promise<void> {
  const res = await hook('/reset', { method: 'POST' });
  if (!res.ok) throw new Error(`reset failed: ${res.status}`);
  await hook('/faults', { method: 'DELETE' });
}

export async function storedProfile(customerId: string): Promise<Record<string, unknown>> {
  const res = await hook(`/customers/${customerId}`);
  if (!res.ok) throw new Error(`no stored profile for ${customerId}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function lastSeq(): Promise<number> {
  return ((await (await hook('/requests?since=0')).json()) as { last_seq: number }).last_seq;
}

/** A minimal cookie jar (name, value, path) for driving the identity provider with plain fetch. */
export class CookieJar {
  private cookies = new Map<string, { value: string; path: string }>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const path = attributes.map((a) => a.trim()).find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  /** The Cookie header a browser would send to this URL (path rules only; one host). */
  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, cookie]) => pathname === cookie.path || pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export type OidcRealm = 'customers' | 'staff';

export const CLIENTS = {
  customers: { id: 'profile-app', secret: 'sandbox-customer-secret', callback: 'http://localhost:3000/api/auth/callback/clubmed' },
  staff: { id: 'profile-app-staff', secret: 'sandbox-staff-secret', callback: 'http://localhost:3000/api/auth/callback/clubmed-staff' },
} as const;

/** Follows redirects by hand (keeping cookies) until one leaves the sandbox or a page is shown. */
export async function follow(jar: CookieJar, start: string, init: RequestInit = {}): Promise<Response> {
  let url = start;
  let options: RequestInit = init;
  for (let hops = 0; hops < 10; hops++) {
    const res = await fetch(url, {
      ...options,
      redirect: 'manual',
      headers: { ...(options.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return res;
    const next = new URL(location, url);
    if (!next.href.startsWith(sandbox().url)) return res;
    url = next.href;
    options = {};
  }
  throw new Error('too many redirects');
}
