// Debian's Chromium through Playwright: sign in as a customer the way a person does (the app's
// /account sends us to the sandbox's sign-in page), then one real save through the form.
import { chromium } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync', '--disable-gpu',
];
const STEP_TIMEOUT_MS = 30_000;

export async function openBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, '--disable-quic'], timeout: 60_000 });
}

/**
 * Signs in and returns the page (on /account) and the Cookie header carrying the session
 * (`authjs.session-token`, or its chunks `.0`, `.1`… when large).
 */
export async function signIn(browser, { appUrl, sandboxUrl, email, password }) {
  const context = await browser.newContext();
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const appOrigin = new URL(appUrl).origin;
  const sandboxOrigin = new URL(sandboxUrl).origin;
  await page.goto(`${appUrl}/account`);
  await page.waitForURL((url) => url.origin === sandboxOrigin);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === appOrigin && url.pathname === '/account');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const session = (await context.cookies(appUrl)).filter((c) => /^authjs\.session-token(\.\d+)?$/.test(c.name));
  if (session.length === 0) throw new Error('signed in, but no authjs.session-token cookie was set');
  const cookieHeader = session.map((c) => `${c.name}=${c.value}`).join('; ');
  // The form is driven by its English labels: ask for the English interface (the language
  // switcher's cookie) in this browser only. The load sends the session cookie alone.
  await context.addCookies([{ name: 'locale', value: 'en', url: appUrl }]);
  return { context, page, cookieHeader };
}

/** One save through the real form and server action: change the second name, "Save changes", "Saved". */
export async function saveOnce(page, { value = 'Bench' } = {}) {
  await page.getByLabel('Second name').fill(value);
  const started = Date.now();
  await page.getByRole('button', { name: 'Save changes' }).click();
  // #form-status is always there (an empty live region until the action answers).
  await page.waitForFunction(() => (document.getElementById('form-status')?.textContent ?? '').trim() !== '', null, { timeout: STEP_TIMEOUT_MS });
  const status = page.locator('#form-status');
  const text = ((await status.textContent()) ?? '').trim();
  // "Saved" (role=status); "Nothing to save" is a status too, errors are alerts.
  if ((await status.getAttribute('role')) !== 'status' || /nothing/i.test(text)) {
    throw new Error(`the save ended with "${text.slice(0, 200)}", not "Saved"`);
  }
  return { ms: Date.now() - started };
}
