import type { APIRequestContext, APIResponse, BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  AGENT,
  AOIFE,
  APP_ORIGIN,
  auditRows,
  captureActionRequest,
  foreignCalls,
  preferEnglish,
  replayAction,
  signedInContext,
  TOM,
} from './support/staff';

/**
 * The app-level access matrix (S1, S2, S5): every principal against every way in. Customer A is Tom,
 * customer B is Aoife, staff is Alex Agent. Pages are fetched with each principal's cookies and
 * without following redirects; the save action is a real one captured from A's browser, replayed.
 */

type Who = 'anonymous' | 'customerA' | 'customerB' | 'staff';

const contexts = {} as Record<Who, BrowserContext>;

test.beforeAll(async ({ browser }) => {
  contexts.anonymous = await browser.newContext({ baseURL: APP_ORIGIN });
  await preferEnglish(contexts.anonymous);
  contexts.customerA = await signedInContext(browser, 'customerA');
  contexts.customerB = await signedInContext(browser, 'customerB');
  contexts.staff = await signedInContext(browser, 'staff');
});

test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context?.close();
});

const api = (who: Who): APIRequestContext => contexts[who].request;
const get = (who: Who, path: string) => api(who).get(path, { maxRedirects: 0 });

/** Where a response sends the browser: its Location as a same-origin path, or null for a page. */
function redirectTarget(response: APIResponse): string | null {
  const location = response.headers().location;
  if (response.status() < 300 || response.status() >= 400 || !location) return null;
  const url = new URL(location, APP_ORIGIN);
  return url.origin === APP_ORIGIN ? `${url.pathname}${url.search}` : url.href;
}

function expectSignIn(response: APIResponse, role: 'customer' | 'staff', callbackUrl: string) {
  const target = redirectTarget(response);
  expect(target, 'redirects to sign-in').not.toBeNull();
  const url = new URL(target!, APP_ORIGIN);
  expect(url.pathname).toBe('/signin/start');
  expect(url.searchParams.get('role')).toBe(role);
  expect(url.searchParams.get('callbackUrl')).toBe(callbackUrl);
}

const expectRedirect = (response: APIResponse, path: string) => expect(redirectTarget(response)).toBe(path);

async function expectPage(response: APIResponse, ...texts: string[]): Promise<string> {
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const text of texts) expect(html).toContain(text);
  return html;
}

test.describe('access matrix', () => {
  test('read: /account shows only the session\'s own profile; the preview of A is for staff only', async ({ sandbox }) => {
    const preview = `/staff/customers/${TOM.id}`;
    const since = await sandbox.mark();

    expectSignIn(await get('anonymous', '/account'), 'customer', '/account');
    expectSignIn(await get('anonymous', preview), 'staff', preview);

    const asA = await expectPage(await get('customerA', '/account'), 'My profile', TOM.email);
    expect(asA).not.toContain(AOIFE.email);
    expectRedirect(await get('customerA', preview), '/forbidden');

    // B never sees A, whatever the URL says (the id comes from the session).
    for (const path of ['/account', `/account?customerId=${TOM.id}`, `/account?customer_id=${TOM.id}`]) {
      const asB = await expectPage(await get('customerB', path), 'My profile', AOIFE.email);
      expect(asB, path).not.toContain(TOM.email);
    }
    expect((await get('customerB', `/account/${TOM.id}`)).status()).toBe(404);
    expectRedirect(await get('customerB', preview), '/forbidden');

    expectRedirect(await get('staff', '/account'), '/staff');
    const asStaff = await expectPage(await get('staff', preview), 'data-testid="preview-banner"', TOM.email);
    const main = asStaff.slice(asStaff.indexOf('<main'), asStaff.indexOf('</main>'));
    expect(main).not.toMatch(/<(form|input|textarea|select)\b/);

    // Upstream, each principal only ever read what it may: A and B their own ids, staff A's.
    const reads = (await sandbox.requests(since)).map((r) => `${r.method} ${r.path} ${r.caller?.role}:${r.caller?.id}`);
    expect(new Set(reads)).toEqual(
      new Set([
        `GET /v2/customers/${TOM.id}/profile customer:${TOM.id}`,
        `GET /v2/customers/${AOIFE.id}/profile customer:${AOIFE.id}`,
        `GET /v2/customers/${TOM.id}/profile staff:${AGENT.id}`,
      ]),
    );
  });

  test('search and audit: staff only', async ({ sandbox }) => {
    const search = `/staff?q=${encodeURIComponent(TOM.email)}`;
    const since = await sandbox.mark();

    expectSignIn(await get('anonymous', search), 'staff', search);
    expectSignIn(await get('anonymous', '/staff/audit'), 'staff', '/staff/audit');
    for (const who of ['customerA', 'customerB'] as const) {
      expectRedirect(await get(who, search), '/forbidden');
      expectRedirect(await get(who, '/staff/audit'), '/forbidden');
    }
    // Refused principals cause no search and touch no one else (a customer's own profile may be read for the interface language).
    expect(foreignCalls(await sandbox.requests(since)), 'no foreign upstream call for refused principals').toEqual([]);

    await expectPage(await get('staff', search), '1 customer found.', `href="/staff/customers/${TOM.id}"`);
    await expectPage(await get('staff', '/staff/audit'), 'Audit trail', 'data-testid="audit-row"');
    const calls = (await sandbox.requests(since)).filter((r) => r.caller?.role === 'staff');
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/customers']);
  });

  test('patch: a captured save of A, replayed by every principal, only ever changes the caller\'s own profile', async ({ browser, sandbox }) => {
    // A real save by A, captured on its way out: fourth_name (null for A and B) becomes "Zed".
    const page = await contexts.customerA.newPage();
    await page.goto('/account');
    await page.locator('#field-fourth_name').fill('Zed');
    const beforeA = await sandbox.mark();
    const captured = await captureActionRequest(page, '/account', () => page.getByRole('button', { name: 'Save changes' }).click());
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await page.close();
    const aSave = (await sandbox.requests(beforeA)).filter((r) => r.method === 'PATCH');
    expect(aSave.map((r) => [r.path, r.caller?.id, r.body])).toEqual([[`/v1/customers/${TOM.id}/profile`, TOM.id, { fourth_name: 'Zed' }]]);
    const storedA = await sandbox.customer(TOM.id);
    const storedB = await sandbox.customer(AOIFE.id);
    expect(storedB.fourth_name).toBeNull();

    // Anonymous: no upstream call at all.
    let since = await sandbox.mark();
    const anonymous = await browser.newContext({ baseURL: APP_ORIGIN });
    await preferEnglish(anonymous);
    const anonymousReply = await replayAction(anonymous.request, captured);
    expect(anonymousReply.status()).toBeLessThan(500);
    expect(await anonymousReply.text()).toContain('signed_out');
    expect(await sandbox.requests(since)).toEqual([]);
    await anonymous.close();

    // Customer B: the action works on B's own profile only (the id comes from B's session).
    since = await sandbox.mark();
    const bReply = await replayAction(api('customerB'), captured);
    expect(bReply.status()).toBe(200);
    const bCalls = await sandbox.requests(since);
    expect(bCalls.length).toBeGreaterThan(0);
    for (const call of bCalls) {
      expect(call.path).toBe(call.method === 'PATCH' ? `/v1/customers/${AOIFE.id}/profile` : `/v2/customers/${AOIFE.id}/profile`);
      expect(call.caller).toEqual({ role: 'customer', id: AOIFE.id });
    }
    expect(bCalls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ fourth_name: 'Zed' }]);
    expect((await sandbox.customer(AOIFE.id)).fourth_name).toBe('Zed');
    expect({ ...(await sandbox.customer(AOIFE.id)), fourth_name: null }).toEqual(storedB);

    // Staff: refused on the server before any upstream call, and audited.
    since = await sandbox.mark();
    const staffReply = await replayAction(api('staff'), captured);
    expect(staffReply.status()).toBeLessThan(500);
    expect(await staffReply.text()).toContain('forbidden');
    expect(await sandbox.requests(since)).toEqual([]);
    const auditPage = await contexts.staff.newPage();
    await auditPage.goto('/staff/audit');
    const [latest] = await auditRows(auditPage);
    expect(latest).toMatchObject({ staff: `${AGENT.name} (${AGENT.id})`, action: 'Save attempt', outcome: 'Refused' });
    await auditPage.close();

    // A's data never moved after A's own save.
    expect(await sandbox.customer(TOM.id)).toEqual(storedA);
  });

  test('S5: the same action with a foreign Origin is refused, whoever sends it', async ({ sandbox }) => {
    const page = await contexts.customerA.newPage();
    await page.goto('/account');
    await page.locator('#field-fourth_name').fill('Evil');
    // Capture A's request without letting it reach the app: only the replays below are sent.
    await page.route('**/account', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.abort();
    });
    const captured = await captureActionRequest(page, '/account', () => page.getByRole('button', { name: 'Save changes' }).click());
    await page.close();

    const since = await sandbox.mark();
    for (const who of ['customerA', 'customerB', 'anonymous'] as const) {
      for (const origin of ['https://evil.example', 'null', 'http://localhost:4999']) {
        const reply = await replayAction(api(who), captured, origin);
        expect(reply.status(), `${who} from ${origin}`).not.toBe(200);
        expect(await reply.text(), `${who} from ${origin}`).not.toContain('"saved"');
      }
    }
    expect(await sandbox.requests(since), 'no upstream call for a foreign origin').toEqual([]);
    expect((await sandbox.customer(TOM.id)).fourth_name).toBeNull();

    // Control: the very same request from the app's own origin does save (the replay is well-formed).
    const control = await replayAction(api('customerA'), captured);
    expect(control.status()).toBe(200);
    expect((await sandbox.requests(since)).filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body])).toEqual([
      [`/v1/customers/${TOM.id}/profile`, { fourth_name: 'Evil' }],
    ]);
  });
});
