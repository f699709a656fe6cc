import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import { buildEnv } from '../../scripts/lib/env.mjs';

/** Helpers for the staff, access-matrix and security specs (the shared fixtures live in ../fixtures.ts). */

export const PASSWORD = 'clubmed-demo';
export const TOM = { id: '123456789', email: 'tom@example.com', name: 'Tom Smith' } as const;
export const AOIFE = { id: '234567891', email: 'aoife.obrien@example.ie', gmNumber: '000482913', name: "Aoife O'Brien" } as const;
export const AGENT = { id: 'S1001', email: 'agent@clubmed.example', name: 'Alex Agent' } as const;
export const SUPERVISOR = { id: 'S1002', email: 'supervisor@clubmed.example', name: 'Sam Supervisor' } as const;

const env = buildEnv({ profile: 'test' });
export const APP_ORIGIN = new URL(env.appUrl).origin;
export const SANDBOX_ORIGIN = new URL(env.sandboxUrl).origin;
/** The app's session-encryption secret (the tests read it like the app does, from .data/auth-secret). */
export const AUTH_SECRET: string = String(env.app.AUTH_SECRET);

/**
 * Signs in through the sandbox's sign-in page, starting from an app path that sends signed-out
 * visitors to the issuer of its area (`/account` → customers, `/staff` → staff).
 */
export async function signInFrom(page: Page, startPath: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(startPath);
  await page.waitForURL((url) => url.origin === SANDBOX_ORIGIN);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === APP_ORIGIN);
}

export function signInAsStaff(page: Page, email: string = AGENT.email): Promise<void> {
  return signInFrom(page, '/staff', email);
}

/**
 * The interface speaks the customer's profile language (Tom's is fr-FR) unless the language switcher's
 * cookie says otherwise: these specs read English labels, so they choose English the way a user would.
 */
export async function preferEnglish(context: BrowserContext): Promise<void> {
  await context.addCookies([{ name: 'locale', value: 'en', url: APP_ORIGIN, httpOnly: true, sameSite: 'Lax' }]);
}

export type Principal = 'customerA' | 'customerB' | 'staff';

/** A fresh browser context signed in as `principal` (customer A = Tom, B = Aoife, staff = Alex Agent). */
export async function signedInContext(browser: Browser, principal: Principal): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: APP_ORIGIN });
  await preferEnglish(context);
  const page = await context.newPage();
  if (principal === 'staff') await signInAsStaff(page);
  else await signInFrom(page, '/account', principal === 'customerA' ? TOM.email : AOIFE.email);
  await page.close();
  return context;
}

/** The tokens the app keeps in its encrypted session cookie (only the tests and the server can read them). */
export async function sessionTokens(context: BrowserContext): Promise<{ accessToken: string; refreshToken: string | null }> {
  const cookieName = 'authjs.session-token';
  const cookie = (await context.cookies(APP_ORIGIN)).find((c) => c.name === cookieName);
  if (!cookie) throw new Error('no session cookie in this context');
  const token = await decode({ token: cookie.value, secret: AUTH_SECRET, salt: cookieName });
  if (!token || typeof token.accessToken !== 'string') throw new Error('the session cookie holds no access token');
  return { accessToken: token.accessToken, refreshToken: typeof token.refreshToken === 'string' ? token.refreshToken : null };
}

/** A server-action POST as the browser sent it, ready to be replayed by another principal. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/** Waits for the next server-action POST to `path` (a request carrying a `next-action` header). */
export async function captureActionRequest(page: Page, path: string, trigger: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === 'POST' && new URL(r.url()).pathname === path && !!r.headers()['next-action']),
    trigger(),
  ]);
  const headers = await request.allHeaders();
  const kept: Record<string, string> = {};
  for (const name of ['next-action', 'next-router-state-tree', 'content-type', 'accept']) {
    if (headers[name]) kept[name] = headers[name];
  }
  const body = request.postDataBuffer();
  if (!body) throw new Error('the captured action request has no body');
  return { url: request.url(), headers: kept, body };
}

/** Re-sends a captured action with the cookies of `request` (a context's request, or a cookie-less one). */
export function replayAction(request: APIRequestContext, action: CapturedAction, origin: string | null = APP_ORIGIN) {
  return request.post(action.url, {
    headers: { ...action.headers, ...(origin ? { origin } : {}) },
    data: action.body,
    maxRedirects: 0,
  });
}

export type AuditRow = { time: string; staff: string; customer: string; action: string; outcome: string };

/** The rows of the audit page currently shown, top to bottom. */
export async function auditRows(page: Page): Promise<AuditRow[]> {
  const rows = page.getByTestId('audit-row');
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  return cells.map(([time = '', staff = '', customer = '', action = '', outcome = '']) => ({ time, staff, customer, action, outcome }));
}

/** Runs a staff search from the search page's form. */
export async function staffSearch(page: Page, query: string): Promise<void> {
  await page.getByLabel('Customer id, GM number, email or last name').fill(query);
  await Promise.all([page.waitForURL((url) => url.pathname === '/staff' && url.searchParams.has('q')), page.getByRole('button', { name: 'Search' }).click()]);
}

/** Upstream calls that read or write another customer than the caller, or search (customers must make none). */
export function foreignCalls(calls: { method: string; path: string; caller?: { role: string; id: string } | null }[]) {
  return calls.filter((c) => c.caller?.role !== 'customer' || !c.path.startsWith(`/v2/customers/${c.caller.id}/`));
}

/** Everything a page can leak tokens in, as text. */
export const JWT_PATTERN = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
export const SERVER_SECRETS = ['sandbox-key', 'sandbox-customer-secret', 'sandbox-staff-secret'];

export function expectNoSecrets(what: string, text: string, exact: string[] = []): void {
  expect(text, `${what} contains a JWT`).not.toMatch(JWT_PATTERN);
  for (const secret of [...SERVER_SECRETS, ...exact]) {
    expect(text.includes(secret), `${what} contains a server secret or token`).toBe(false);
  }
}
