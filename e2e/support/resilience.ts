/**
 * Helpers for e2e/never-lose-an-edit.spec.ts (issue 4): the sandbox hooks that spec needs beyond
 * the shared fixtures (access-token lifetime, ending a customer's sessions), form helpers, and the
 * tally of fault scenarios ("how many lost or overwrote data").
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page, Response } from '@playwright/test';
import { SANDBOX_API_KEY } from '../../scripts/lib/env.mjs';
import { expect, test as base, type LoggedRequest, type Sandbox } from '../fixtures';

export const CUSTOMERS = {
  tom: { id: '123456789', email: 'tom@example.com' },
  aoife: { id: '234567891', email: 'aoife.obrien@example.ie' },
  aminata: { id: '345678912', email: 'aminata.ndiaye@example.fr' },
  jose: { id: '456789123', email: 'jose.garcia@example.es' },
  mathilde: { id: '678912345', email: 'mathilde.hoarau@example.re' },
} as const;
export type Customer = (typeof CUSTOMERS)[keyof typeof CUSTOMERS];

export type SessionHooks = {
  /** Lifetime of the access tokens the sandbox issues from now on; `null` restores the configured one. */
  setAccessTokenTtl(seconds: number | null): Promise<void>;
  /** Ends the customer's sessions at the issuer: the app's next refresh fails. */
  endSessions(customerId: string): Promise<void>;
};

export const test = base.extend<{ sessions: SessionHooks }>({
  // English interface whatever the profile's locale (the switcher's cookie wins over it).
  context: async ({ context, baseURL }, provide) => {
    await context.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
    await provide(context);
  },
  sessions: async ({ playwright, sandboxURL }, provide) => {
    const api = await playwright.request.newContext({ baseURL: sandboxURL, extraHTTPHeaders: { 'x-api-key': SANDBOX_API_KEY } });
    const ok = async (what: string, response: Awaited<ReturnType<typeof api.post>>) => {
      if (!response.ok()) throw new Error(`sandbox ${what} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
    };
    await provide({
      setAccessTokenTtl: async (seconds) => ok('access-token-ttl', await api.post('/__sandbox/access-token-ttl', { data: { seconds } })),
      endSessions: async (id) => ok('end sessions', await api.delete(`/__sandbox/customers/${id}/sessions`)),
    });
    // The fixture's reset restores the lifetime before the next test; do it now too.
    await api.delete('/__sandbox/access-token-ttl');
    await api.dispose();
  },
});
export { expect };

/** The input of a form field by its name (`phones.0.number` → `#field-phones-0-number`). */
export function field(page: Page, name: string): Locator {
  return page.locator(`#field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`);
}

export const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });
export const formStatus = (page: Page) => page.locator('#form-status');
export const profileHeading = (page: Page) => page.getByRole('heading', { name: 'My profile' });

/** Fills each named field; returns what was typed, for the "nothing lost" check. */
export async function typeEdits(page: Page, edits: Record<string, string>): Promise<Record<string, string>> {
  for (const [name, value] of Object.entries(edits)) await field(page, name).fill(value);
  return edits;
}

/** Every typed value is still in its input. */
export async function expectInputsKeep(page: Page, typed: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(typed)) await expect(field(page, name), `input ${name}`).toHaveValue(value);
}

export function actionResponse(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account', { timeout: 20_000 });
}

/** Clicks Save, waits for the action's answer, then for the status region to say `expected`. */
export async function save(page: Page, expected: string | RegExp): Promise<void> {
  const answered = actionResponse(page);
  await saveButton(page).click();
  await answered;
  await expect(formStatus(page)).toContainText(expected);
}

export const SAVED = 'Saved';
export const UNAVAILABLE = /could not be reached, so nothing was saved/;

export async function customerRequests(sandbox: Sandbox, since: number, customerId: string): Promise<LoggedRequest[]> {
  return (await sandbox.requests(since)).filter((r) => r.path.includes(`/customers/${customerId}/`) || r.caller?.id === customerId);
}
export const patches = (requests: LoggedRequest[]) => requests.filter((r) => r.method === 'PATCH');
export const profileGets = (requests: LoggedRequest[]) => requests.filter((r) => r.method === 'GET' && /\/v2\/customers\/[^/]+\/profile$/.test(r.path));

/** What a page shows must never look like a crash or a stack trace. */
export async function expectNoStackTrace(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText(
    /\bat [\w.<>]+ \(|SyntaxError|TypeError|Unexpected token|ECONNRESET|UND_ERR|Internal Server Error|Application error|digest/,
  );
}

/**
 * The tally of fault scenarios. Each scenario is recorded when it starts and again once its
 * "nothing lost, nothing overwritten" checks passed; a scenario that started but never got there
 * counts as having lost data. Kept in a file per test run, so a worker restarted after a failure
 * keeps counting.
 */
const tallyFile = path.join(os.tmpdir(), `never-lose-an-edit-${process.ppid}.jsonl`);

export async function faultScenario(name: string, run: () => Promise<void>): Promise<void> {
  appendFileSync(tallyFile, `${JSON.stringify({ name, event: 'started' })}\n`);
  await test.step(`fault scenario: ${name}`, run);
  appendFileSync(tallyFile, `${JSON.stringify({ name, event: 'safe' })}\n`);
}

export function tally(): { run: number; lostOrOverwrote: number; failed: string[] } {
  if (!existsSync(tallyFile)) return { run: 0, lostOrOverwrote: 0, failed: [] };
  const lines = readFileSync(tallyFile, 'utf8').trim().split('\n').filter(Boolean);
  const events = lines.map((line) => JSON.parse(line) as { name: string; event: 'started' | 'safe' });
  const started = events.filter((e) => e.event === 'started').map((e) => e.name);
  const safe = new Set(events.filter((e) => e.event === 'safe').map((e) => e.name));
  const failed = started.filter((name) => !safe.has(name));
  return { run: started.length, lostOrOverwrote: failed.length, failed };
}
