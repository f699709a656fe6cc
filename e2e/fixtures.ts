import { test as base, expect, type APIResponse, type Page } from '@playwright/test';
import type { z } from 'zod';
import type { FaultSchema } from '../sandbox/api/faults';
import type { LoggedRequest } from '../sandbox/api/request-log';
import { SANDBOX_API_KEY, TEST_PORTS } from '../scripts/lib/env.mjs';

export type { LoggedRequest };
export type FaultSpec = z.input<typeof FaultSchema>;
/** A profile as the sandbox stores it (raw, snake_case keys). */
export type StoredProfile = Record<string, unknown>;

/** The sandbox's test hooks (`/__sandbox/*`, see sandbox/hooks.ts), authorised by the API key. */
export type Sandbox = {
  /** Re-seed the data and clear the faults. Done before every test. */
  reset(): Promise<void>;
  customer(customerId: string): Promise<StoredProfile>;
  /** Change (deep-merge) or create a stored customer behind the app's back, e.g. a concurrent edit. */
  setCustomer(customerId: string, partial: StoredProfile): Promise<StoredProfile>;
  /** Customer-API requests logged after sequence number `since` (all when omitted), oldest first. */
  requests(since?: number): Promise<LoggedRequest[]>;
  /** The sequence number of the last logged request: pass it to `requests()` later. */
  mark(): Promise<number>;
  /** Make the next matching customer-API calls fail as `spec` describes. */
  fault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
};

export type SandboxOptions = { sandboxURL: string };

type Fixtures = {
  sandbox: Sandbox;
  /** Sign in through the sandbox's sign-in page, starting from /account; ends back on the app. */
  signIn: (page: Page, email: string, password?: string) => Promise<void>;
};

async function ok(what: string, response: APIResponse): Promise<APIResponse> {
  if (!response.ok()) {
    throw new Error(`sandbox ${what} answered ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
  return response;
}

// The fixture callbacks are named `provide`, not the usual `use`: React's hooks lint rule would
// take `use(...)` for React's use().
export const test = base.extend<Fixtures & SandboxOptions>({
  sandboxURL: [`http://localhost:${TEST_PORTS.sandbox}`, { option: true }],

  sandbox: [
    async ({ playwright, sandboxURL }, provide) => {
      const api = await playwright.request.newContext({
        baseURL: sandboxURL,
        extraHTTPHeaders: { 'x-api-key': SANDBOX_API_KEY },
      });
      const customerPath = (id: string) => `/__sandbox/customers/${encodeURIComponent(id)}`;
      const log = async (since = 0) =>
        (await (await ok('requests', await api.get(`/__sandbox/requests?since=${since}`))).json()) as {
          last_seq: number;
          requests: LoggedRequest[];
        };
      const sandbox: Sandbox = {
        reset: async () => void (await ok('reset', await api.post('/__sandbox/reset'))),
        customer: async (id) => (await ok('customer', await api.get(customerPath(id)))).json(),
        setCustomer: async (id, partial) =>
          (await ok('setCustomer', await api.post(customerPath(id), { data: partial }))).json(),
        requests: async (since) => (await log(since)).requests,
        mark: async () => (await log(Number.MAX_SAFE_INTEGER)).last_seq,
        fault: async (spec) => void (await ok('fault', await api.post('/__sandbox/faults', { data: spec }))),
        clearFaults: async () => void (await ok('clearFaults', await api.delete('/__sandbox/faults'))),
      };
      await sandbox.reset();
      await provide(sandbox);
      await api.dispose();
    },
    { auto: true },
  ],

  // Tests read English labels: pin the interface language (the switcher's cookie outranks the
  // profile's locale, and most seeded customers are fr-FR). The i18n specs clear it.
  context: async ({ context, baseURL }, provide) => {
    await context.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
    await provide(context);
  },

  signIn: async ({ baseURL, sandboxURL }, provide) => {
    const appOrigin = new URL(baseURL!).origin;
    const sandboxOrigin = new URL(sandboxURL).origin;
    await provide(async (page, email, password = 'clubmed-demo') => {
      await page.goto('/account');
      await page.waitForURL((url) => url.origin === sandboxOrigin);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === appOrigin);
    });
  },
});

export { expect };
