/**
 * Helpers for the customer-profile e2e tests: a signed-in storage state shared per file, field
 * locators by the form's ids, the sandbox request log filtered to one customer's PATCHes, and a
 * readable axe report.
 */
import path from 'node:path';
import type { Browser, FullProject, Locator, Page } from '@playwright/test';
import { SANDBOX_API_KEY, TEST_PORTS } from '../../scripts/lib/env.mjs';
import { expect, test as base, type LoggedRequest, type Sandbox } from '../fixtures';

export const TOM = { id: '123456789', email: 'tom@example.com', password: 'clubmed-demo' } as const;

/** The form's id for a field name (`address.city` → `#field-address-city`), as fieldId() builds it. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function field(page: Page, name: string): Locator {
  return page.locator(`#${fieldId(name)}`);
}

/** Every input, select and textarea of the profile form, with its current value. */
export async function formValues(page: Page): Promise<Record<string, string>> {
  return page.locator('form:has(#form-status)').evaluate((form) => {
    const out: Record<string, string> = {};
    for (const el of Array.from(form.querySelectorAll('input, select, textarea'))) {
      const control = el as HTMLInputElement;
      if (!control.name || control.type === 'hidden' || control.type === 'submit') continue;
      out[control.name] = control.value;
    }
    return out;
  });
}

/**
 * Signs `email` in once in a throw-away context and returns the path of its storage state, for
 * `browser.newContext({ storageState })`. Works with or without JavaScript (the sandbox's pages
 * are plain HTML).
 */
export async function signedInState(browser: Browser, project: FullProject, email: string = TOM.email): Promise<string> {
  const use = project.use;
  const baseURL = use.baseURL ?? `http://localhost:${TEST_PORTS.app}`;
  const sandboxURL = (use as { sandboxURL?: string }).sandboxURL ?? `http://localhost:${TEST_PORTS.sandbox}`;
  const file = path.join(project.outputDir, '.auth', `${project.name}-${email.replace(/\W/g, '_')}.json`);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: use.javaScriptEnabled ?? true });
  await context.addCookies([{ name: 'locale', value: 'en', url: baseURL }]);
  try {
    // The email must be the seeded one: re-seed before signing in.
    const reset = await context.request.post(`${sandboxURL}/__sandbox/reset`, { headers: { 'x-api-key': SANDBOX_API_KEY } });
    expect(reset.ok()).toBe(true);
    const page = await context.newPage();
    await page.goto('/account');
    await page.waitForURL((url) => url.origin === new URL(sandboxURL).origin);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(TOM.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === new URL(baseURL).origin && url.pathname === '/account');
    await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
    await context.storageState({ path: file });
  } finally {
    await context.close();
  }
  return file;
}

/** The customer's customer-API requests logged after `since`. */
export async function requestsOf(sandbox: Sandbox, since: number, customerId: string = TOM.id): Promise<LoggedRequest[]> {
  return (await sandbox.requests(since)).filter((r) => r.caller?.id === customerId || r.path.includes(`/${customerId}/`));
}

/** The one item of `items`, failing the test when there are none or several. */
export function single<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** The PATCHes of the customer's profile logged after `since`. */
export async function patchesOf(sandbox: Sandbox, since: number, customerId: string = TOM.id): Promise<LoggedRequest[]> {
  return (await requestsOf(sandbox, since, customerId)).filter((r) => r.method === 'PATCH');
}

export async function openAccount(page: Page): Promise<void> {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
}

export function saveButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Save changes' });
}

export function formStatus(page: Page): Locator {
  return page.locator('#form-status');
}

/** Resolves when the form's POST to /account (server action, or the no-JS full-page post) has answered. */
export function actionResponse(page: Page) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account');
}

/**
 * Clicks `button` ("Save changes" by default), waits for this save's answer (a previous "Saved"
 * must not satisfy the check), then for the status region to say `expected`.
 */
export async function saveAndExpect(page: Page, expected: string | RegExp, button: Locator = saveButton(page)): Promise<void> {
  const answered = actionResponse(page);
  await button.click();
  await answered;
  await expect(formStatus(page)).toContainText(expected);
}

type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown; failureSummary?: string; html: string }[];
};

/** One readable paragraph per violation: rule, impact, help, and each offending node. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `  • ${JSON.stringify(n.target)}\n    ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * `test` whose pages start signed in as Tom: one sign-in per worker and project, reused by every
 * test through its storage state (the sandbox reset before each test keeps sessions).
 */
export const signedInTest = base.extend<object, { workerCustomerState: string }>({
  workerCustomerState: [
    async ({ browser }, provide, workerInfo) => provide(await signedInState(browser, workerInfo.project)),
    { scope: 'worker' },
  ],
  storageState: async ({ workerCustomerState }, provide) => provide(workerCustomerState),
});
