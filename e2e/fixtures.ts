import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { SANDBOX_API_KEY, TEST_PORTS } from '../scripts/lib/env.mjs';

/** A request the sandbox recorded (`GET /__sandbox/requests`); its shape is the sandbox's. */
export type RecordedRequest = Record<string, unknown>;
export type Json = Record<string, unknown>;

/** The sandbox's test endpoints (`/__sandbox/*`, authorised by the API key). */
export type Sandbox = {
  /** Back to the seed data: every test starts from here (done automatically before each test). */
  reset(): Promise<void>;
  /** The stored customer, as the sandbox holds it. */
  customer(customerId: string): Promise<Json>;
  /** Requests the sandbox received, oldest first; `since` as the sandbox defines it. */
  requests(since?: number): Promise<RecordedRequest[]>;
  /** Change a stored customer behind the app's back (e.g. a concurrent edit). */
  setCustomer(customerId: string, partial: Json): Promise<void>;
  /** Make upstream calls fail as `spec` describes (see the sandbox's fault format). */
  fault(spec: Json): Promise<void>;
  clearFaults(): Promise<void>;
};

export type SandboxOptions = { sandboxURL: string };

type Fixtures = {
  sandbox: Sandbox;
  /** Sign in through the sandbox's sign-in page, starting from /account; ends back on the app. */
  signIn: (page: Page, email: string, password?: string) => Promise<void>;
};

async function checked(what: string, response: Awaited<ReturnType<APIRequestContext['get']>>) {
  if (!response.ok()) {
    throw new Error(`sandbox ${what} answered ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
  return response;
}

// Fixture callbacks are named `provide`, not Playwright's usual `use`: React's hooks lint rule
// would take `use(...)` for React's use().
export const test = base.extend<Fixtures & SandboxOptions>({
  sandboxURL: [`http://localhost:${TEST_PORTS.sandbox}`, { option: true }],

  sandbox: [
    async ({ playwright, sandboxURL }, provide) => {
      const api = await playwright.request.newContext({
        baseURL: sandboxURL,
        extraHTTPHeaders: { 'x-api-key': SANDBOX_API_KEY },
      });
      const sandbox: Sandbox = {
        async reset() {
          await checked('reset', await api.post('/__sandbox/reset'));
        },
        async customer(customerId) {
          return (await checked('customer', await api.get(`/__sandbox/customers/${encodeURIComponent(customerId)}`))).json() as Promise<Json>;
        },
        async requests(since) {
          const query = since === undefined ? '' : `?since=${since}`;
          return (await checked('requests', await api.get(`/__sandbox/requests${query}`))).json() as Promise<RecordedRequest[]>;
        },
        async setCustomer(customerId, partial) {
          await checked('setCustomer', await api.post(`/__sandbox/customers/${encodeURIComponent(customerId)}`, { data: partial }));
        },
        async fault(spec) {
          await checked('fault', await api.post('/__sandbox/faults', { data: spec }));
        },
        async clearFaults() {
          await checked('clearFaults', await api.delete('/__sandbox/faults'));
        },
      };
      await sandbox.reset();
      await provide(sandbox);
      await api.dispose();
    },
    { auto: true },
  ],

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
