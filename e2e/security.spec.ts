import type { APIResponse, BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  APP_ORIGIN,
  AUTH_SECRET,
  expectNoSecrets,
  preferEnglish,
  SANDBOX_ORIGIN,
  sessionTokens,
  signedInContext,
  TOM,
} from './support/staff';

/**
 * S4 (no token, refresh token, API key or secret reaches the browser), the security headers of every
 * page type, and open redirects through the sign-in flow.
 */

const PAGES = ['/', '/account', '/staff', `/staff/customers/${TOM.id}`, '/staff/audit', '/signin', '/forbidden', '/signed-out'];

/** Every header of a response except the session cookie itself (the one place tokens may travel, encrypted). */
function headersText(response: APIResponse): string {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() !== 'set-cookie')
    .map((h) => `${h.name}: ${h.value}`)
    .join('\n');
}

/** The `/_next/static/**.js` files an HTML page references. */
function staticScripts(html: string): string[] {
  return [...new Set([...html.matchAll(/["'(](\/_next\/static\/[^"'()\s]+?\.js)(?:\?[^"'()\s]*)?["')]/g)].map((m) => m[1]!))];
}

const contexts = {} as Record<'customerA' | 'staff', BrowserContext>;

test.beforeAll(async ({ browser }) => {
  contexts.customerA = await signedInContext(browser, 'customerA');
  contexts.staff = await signedInContext(browser, 'staff');
});

test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context?.close();
});

async function everythingTheBrowserGets(context: BrowserContext): Promise<{ what: string; text: string }[]> {
  const got: { what: string; text: string }[] = [];
  const fetchAll = async (what: string, response: APIResponse) => {
    got.push({ what: `${what} (headers)`, text: headersText(response) });
    got.push({ what, text: await response.text() });
  };
  for (const path of PAGES) await fetchAll(path, await context.request.get(path));
  for (const path of ['/account', '/staff', `/staff/customers/${TOM.id}`]) {
    await fetchAll(`RSC ${path}`, await context.request.get(path, { headers: { RSC: '1' } }));
  }
  await fetchAll('/api/auth/session', await context.request.get('/api/auth/session'));
  return got;
}

test.describe('S4: nothing secret reaches the browser', () => {
  for (const principal of ['customerA', 'staff'] as const) {
    test(`as ${principal === 'staff' ? 'staff' : 'a customer'}: pages, RSC payloads, the session API and client JS`, async () => {
      const context = contexts[principal];
      const { accessToken, refreshToken } = await sessionTokens(context);
      expect(accessToken).toMatch(/^eyJ/);
      expect(refreshToken, 'the sandbox always issues a refresh token').toBeTruthy();
      const exact = [accessToken, refreshToken!, AUTH_SECRET, accessToken.split('.')[2]!];

      const got = await everythingTheBrowserGets(context);
      // The signed-in pages really rendered (not just sign-in redirects).
      const pageOf = (what: string) => got.find((g) => g.what === what)!.text;
      if (principal === 'customerA') {
        expect(pageOf('/account')).toContain(TOM.email);
        expect(pageOf('RSC /account')).toContain(TOM.email);
      } else {
        expect(pageOf(`/staff/customers/${TOM.id}`)).toContain('preview-banner');
        expect(pageOf(`RSC /staff/customers/${TOM.id}`)).toContain(TOM.email);
      }

      const page = await context.newPage();
      const home = principal === 'staff' ? `/staff/customers/${TOM.id}` : '/account';
      const html = await (await page.goto(home))!.text();
      const scripts = staticScripts(html);
      expect(scripts.length, 'the page loads client scripts').toBeGreaterThan(0);
      for (const script of scripts) {
        const response = await context.request.get(script);
        expect(response.status(), script).toBe(200);
        got.push({ what: script, text: await response.text() });
      }
      // And whatever else the running page loaded (lazy chunks included).
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      for (const url of loaded.filter((u) => u.startsWith(`${APP_ORIGIN}/_next/static/`) && u.endsWith('.js'))) {
        if (!scripts.includes(new URL(url).pathname)) got.push({ what: url, text: await (await context.request.get(url)).text() });
      }

      for (const { what, text } of got) expectNoSecrets(what, text, exact);
      await page.close();
    });
  }

  test('/api/auth/session has only user, expires and role', async ({ browser }) => {
    for (const [principal, role, email] of [
      ['customerA', 'customer', TOM.email],
      ['staff', 'staff', 'agent@clubmed.example'],
    ] as const) {
      const session = (await (await contexts[principal].request.get('/api/auth/session')).json()) as Record<string, unknown>;
      expect(Object.keys(session).sort()).toEqual(['expires', 'role', 'user']);
      expect(session.role).toBe(role);
      expect(Object.keys(session.user as object).sort()).toEqual(expect.arrayContaining(['email']));
      for (const key of Object.keys(session.user as object)) expect(['name', 'email', 'image']).toContain(key);
      expect((session.user as { email: string }).email).toBe(email);
      expect(new Date(session.expires as string).getTime()).toBeGreaterThan(Date.now());
    }
    const anonymous = await browser.newContext({ baseURL: APP_ORIGIN });
    const body = await (await anonymous.request.get('/api/auth/session')).text();
    expect(['null', '{}', '']).toContain(body.trim());
    await anonymous.close();
  });
});

test.describe('security headers', () => {
  function expectSecurityHeaders(where: string, response: APIResponse): string {
    const headers = response.headers();
    const csp = headers['content-security-policy'];
    expect(csp, `${where}: content-security-policy`).toBeTruthy();
    const directives = new Map(
      csp!.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `${where}: script-src`).toBeTruthy();
    expect(scriptSrc!.some((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s)), `${where}: a nonce in script-src`).toBe(true);
    expect(scriptSrc, `${where}: script-src`).not.toContain(`'unsafe-inline'`);
    expect(scriptSrc, `${where}: script-src`).not.toContain(`'unsafe-eval'`);
    expect(directives.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual([`'none'`]);
    expect(directives.get('object-src'), `${where}: object-src`).toEqual([`'none'`]);
    expect(directives.get('base-uri'), `${where}: base-uri`).toEqual([`'self'`]);
    expect(headers['x-content-type-options'], `${where}: x-content-type-options`).toBe('nosniff');
    expect(headers['referrer-policy'], `${where}: referrer-policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers['permissions-policy'], `${where}: permissions-policy`).toMatch(/camera=\(\)/);
    expect(headers['x-powered-by'], `${where}: x-powered-by`).toBeUndefined();
    return scriptSrc!.find((s) => s.startsWith(`'nonce-`))!.slice(7, -1);
  }

  test('every page type, signed out and signed in, redirects included', async ({ browser }) => {
    const anonymous = await browser.newContext({ baseURL: APP_ORIGIN });
    const principals: [string, BrowserContext][] = [
      ['anonymous', anonymous],
      ['customer', contexts.customerA],
      ['staff', contexts.staff],
    ];
    for (const [who, context] of principals) {
      for (const path of [...PAGES, `/staff?q=${TOM.email}`, '/signin/start?role=customer', '/no-such-page']) {
        const first = await context.request.get(path, { maxRedirects: 0 });
        expectSecurityHeaders(`${who} ${path} (${first.status()})`, first);
        const final = await context.request.get(path);
        if (new URL(final.url()).origin === APP_ORIGIN) expectSecurityHeaders(`${who} ${path} → ${final.url()}`, final);
      }
    }
    await anonymous.close();
  });

  test('the nonce is fresh on every request, and every script of the page carries it', async () => {
    const context = contexts.customerA;
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await context.request.get('/account');
      const nonce = expectSecurityHeaders('/account', response);
      nonces.add(nonce);
      const scripts = [...(await response.text()).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes, 'script without the nonce').toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);

    // The browser itself reports no CSP violation while the page runs.
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/account');
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await page.locator('#field-fourth_name').fill('x');
    expect(violations).toEqual([]);
    await page.close();
  });
});

test.describe('open redirects after sign-in', () => {
  // Raw query-string values of `callbackUrl` (encoded where a browser would encode them).
  const evil: [string, string][] = [
    ['//evil.example', encodeURIComponent('//evil.example')],
    ['//evil.example, unencoded', '//evil.example'],
    ['https://evil.example', encodeURIComponent('https://evil.example')],
    ['/\\evil.example', encodeURIComponent('/\\evil.example')],
    ['%2F%2Fevil.example (decoded once by the query)', '%2F%2Fevil.example'],
    ['%2F%2Fevil.example (as a value)', encodeURIComponent('%2F%2Fevil.example')],
    ['https:%2F%2Fevil.example', encodeURIComponent('https:%2F%2Fevil.example')],
    ['javascript:alert(1)', encodeURIComponent('javascript:alert(1)')],
    ['/.//evil.example', encodeURIComponent('/.//evil.example')],
    ['garbage', encodeURIComponent('%%%\u0000garbage ')],
    ['malformed encoding', '%E0%A4%A'],
  ];

  async function callbackCookie(context: BrowserContext): Promise<string | undefined> {
    const cookie = (await context.cookies(APP_ORIGIN)).find((c) => c.name === 'authjs.callback-url');
    return cookie ? decodeURIComponent(cookie.value) : undefined;
  }

  /** The `authjs.callback-url` cookie a response sets, decoded (undefined when it sets none). */
  function callbackCookieSetBy(response: APIResponse): string | undefined {
    const line = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .flatMap((h) => h.value.split('\n'))
      .find((v) => v.startsWith('authjs.callback-url='));
    return line ? decodeURIComponent(line.slice('authjs.callback-url='.length).split(';')[0]!) : undefined;
  }

  // One context for all cases, signed in at the issuer once: each flow then runs through the issuer
  // without the form (redirects only) and ends wherever the app's callback sends it.
  let flow: BrowserContext;
  test.beforeAll(async ({ browser }) => {
    flow = await browser.newContext({ baseURL: APP_ORIGIN });
    await preferEnglish(flow);
    const page = await flow.newPage();
    await page.goto('/signin/start?role=customer');
    await page.getByLabel('Email', { exact: true }).fill(TOM.email);
    await page.getByLabel('Password', { exact: true }).fill('clubmed-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === APP_ORIGIN);
    await page.close();
  });
  test.afterAll(async () => {
    await flow?.close();
  });

  for (const [name, raw] of evil) {
    test(`callbackUrl ${name} ends on the app`, async ({ request }) => {
      const start = `/signin/start?role=customer&callbackUrl=${raw}`;
      // A cookie-less request: next-auth only sets the cookie when its value changes.
      const first = await request.get(start, { maxRedirects: 0 });
      expect(first.status()).toBeGreaterThanOrEqual(300);
      expect(new URL(first.headers().location!).origin, 'the flow starts at the issuer').toBe(SANDBOX_ORIGIN);
      const stored = callbackCookieSetBy(first);
      expect(stored, 'the start sets the callback cookie').toBeDefined();
      expect(new URL(stored!, APP_ORIGIN).origin, `callback cookie ${stored}`).toBe(APP_ORIGIN);
      expect(stored).not.toContain('evil.example');

      // The whole flow, redirect by redirect, as a browser would follow it.
      let url = new URL(start, APP_ORIGIN).href;
      const visited: string[] = [];
      for (let hop = 0; hop < 15; hop++) {
        const response = await flow.request.get(url, { maxRedirects: 0 });
        visited.push(url);
        const location = response.headers().location;
        if (response.status() < 300 || response.status() >= 400 || !location) break;
        url = new URL(location, url).href;
      }
      expect(visited.some((u) => u.startsWith(`${APP_ORIGIN}/api/auth/callback/`)), visited.join('\n')).toBe(true);
      expect(new URL(url).origin, visited.join('\n')).toBe(APP_ORIGIN);
      expect(url).not.toContain('evil.example');
      expect(new URL(url).pathname).toBe('/account');
    });
  }

  test('a same-origin callbackUrl is honoured, with its query kept as it was', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: APP_ORIGIN });
    await preferEnglish(context);
    const page = await context.newPage();
    const callbackUrl = `/staff?q=${encodeURIComponent('jean+fidelite@example.fr')}`;
    await page.goto(`/signin/start?role=staff&callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.waitForURL((url) => url.origin === SANDBOX_ORIGIN);
    await page.getByLabel('Email', { exact: true }).fill('agent@clubmed.example');
    await page.getByLabel('Password', { exact: true }).fill('clubmed-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === APP_ORIGIN && url.pathname === '/staff');
    expect(new URL(page.url()).searchParams.get('q')).toBe('jean+fidelite@example.fr');
    await expect(page.getByLabel('Customer id, GM number, email or last name')).toHaveValue('jean+fidelite@example.fr');
    await context.close();
  });

  test("next-auth's own endpoints never store a foreign callback URL", async ({ browser }) => {
    for (const value of ['https://evil.example', '//evil.example', '/.//evil.example', '/\\evil.example']) {
      const context = await browser.newContext({ baseURL: APP_ORIGIN });
      for (const path of ['/api/auth/signin', '/api/auth/signin/clubmed', '/api/auth/session', '/api/auth/providers']) {
        const response = await context.request.get(`${path}?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
        expect(response.status(), `${path} ${value}`).toBeLessThan(500);
        const location = response.headers().location;
        if (location) expect(new URL(location, APP_ORIGIN).origin, `${path} ${value} → ${location}`).toBe(APP_ORIGIN);
        const stored = await callbackCookie(context);
        if (stored !== undefined) expect(new URL(stored, APP_ORIGIN).origin, `${path} ${value}: cookie ${stored}`).toBe(APP_ORIGIN);
      }
      await context.close();
    }
  });
});
