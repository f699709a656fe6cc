/**
 * Issue 4, "Never lose an edit", in a browser: two tabs (D4), an access token expiring mid-edit
 * and a session that ends (S3), a failing upstream when reading and when saving, double submit
 * (F2), oversized posts (F3) and a tab left open across a deployment (F6). Every fault scenario
 * ends with the "nothing lost, nothing overwritten" checks and is counted (see faultScenario).
 */
import type { Page, Request } from '@playwright/test';
import type { Sandbox } from './fixtures';
import {
  CUSTOMERS,
  SAVED,
  UNAVAILABLE,
  actionResponse,
  customerRequests,
  expect,
  expectInputsKeep,
  expectNoStackTrace,
  faultScenario,
  field,
  formStatus,
  patches,
  profileGets,
  profileHeading,
  save,
  saveButton,
  tally,
  test,
  typeEdits,
  type Customer,
} from './support/resilience';

const TOM = CUSTOMERS.tom;

async function signedIn(page: Page, signIn: (page: Page, email: string) => Promise<void>, customer: Customer) {
  await signIn(page, customer.email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(profileHeading(page)).toBeVisible();
}

async function openAccount(page: Page) {
  await page.goto('/account');
  await expect(profileHeading(page)).toBeVisible();
}

/** Stored profile keys worth comparing ("nothing overwritten"). */
async function stored(sandbox: Sandbox, id: string, keys: string[]) {
  const profile = await sandbox.customer(id);
  return Object.fromEntries(keys.map((key) => [key, profile[key]]));
}

const phoneDigits = (profile: Record<string, unknown>) =>
  ((profile.phones as { number: string }[] | undefined) ?? []).map((p) => p.number.replace(/\D/g, '').slice(-9));

test.describe('D4 two tabs', () => {
  test('untouched keys are never sent; a clash shows both values, overwrites nothing, and "Keep mine" wins', async ({ context, page, sandbox, signIn }) => {
    await signedIn(page, signIn, TOM);
    const tabA = page;
    const tabB = await context.newPage();
    await openAccount(tabB);

    await faultScenario('D4 A changes the email, B (opened before) changes only phone 1', async () => {
      const since = await sandbox.mark();
      await typeEdits(tabA, { email: 'tom.a@example.com' });
      await save(tabA, SAVED);
      await typeEdits(tabB, { 'phones.0.number': '06 11 22 33 44' });
      await save(tabB, SAVED);
      const sent = patches(await customerRequests(sandbox, since, TOM.id));
      expect(sent).toHaveLength(2);
      expect(Object.keys(sent[0]!.body as object)).toEqual(['email']);
      expect(Object.keys(sent[1]!.body as object)).toEqual(['phones']);
      const profile = await sandbox.customer(TOM.id);
      expect(profile.email).toBe('tom.a@example.com');
      expect(phoneDigits(profile)).toEqual(['611223344']);
    });

    await faultScenario('D4 both change the email: B sees the conflict, then keeps its value', async () => {
      await typeEdits(tabA, { email: 'tom.a2@example.com' });
      await save(tabA, SAVED);
      const since = await sandbox.mark();
      await typeEdits(tabB, { email: 'tom.b@example.com' });
      const answered = actionResponse(tabB);
      await saveButton(tabB).click();
      await answered;
      await expect(tabB.getByText(/clash with changes saved elsewhere/)).toBeVisible();
      await expect(tabB.getByRole('radio', { name: /Keep mine: .*tom\.b@example\.com/ })).toBeVisible();
      await expect(tabB.getByRole('radio', { name: /Use the value saved elsewhere: .*tom\.a2@example\.com/ })).toBeVisible();
      // Nothing overwritten, nothing sent, and B's typing is still there.
      expect(patches(await customerRequests(sandbox, since, TOM.id))).toHaveLength(0);
      expect((await sandbox.customer(TOM.id)).email).toBe('tom.a2@example.com');
      await expectInputsKeep(tabB, { email: 'tom.b@example.com' });

      await tabB.getByRole('radio', { name: /Keep mine/ }).check();
      await save(tabB, SAVED);
      const sent = patches(await customerRequests(sandbox, since, TOM.id));
      expect(sent.map((r) => r.body)).toEqual([{ email: 'tom.b@example.com' }]);
      const profile = await sandbox.customer(TOM.id);
      expect(profile.email).toBe('tom.b@example.com');
      expect(phoneDigits(profile)).toEqual(['611223344']); // B's earlier phone change still stands
    });
  });

  test('a clash resolved with "Use the value saved elsewhere" keeps the other tab\'s value and still saves the rest', async ({ context, page, sandbox, signIn }) => {
    await signedIn(page, signIn, TOM);
    const tabA = page;
    const tabB = await context.newPage();
    await openAccount(tabB);

    await faultScenario('D4 both change the email: B takes the value saved elsewhere', async () => {
      await typeEdits(tabA, { email: 'tom.a@example.com' });
      await save(tabA, SAVED);
      const since = await sandbox.mark();
      await typeEdits(tabB, { email: 'tom.b@example.com', 'phones.0.number': '06 99 88 77 66' });
      const answered = actionResponse(tabB);
      await saveButton(tabB).click();
      await answered;
      await expect(tabB.getByText(/clash with changes saved elsewhere/)).toBeVisible();
      expect((await sandbox.customer(TOM.id)).email).toBe('tom.a@example.com');
      await expectInputsKeep(tabB, { email: 'tom.b@example.com', 'phones.0.number': '06 99 88 77 66' });

      await tabB.getByRole('radio', { name: /Use the value saved elsewhere/ }).check();
      await save(tabB, SAVED);
      const sent = patches(await customerRequests(sandbox, since, TOM.id));
      expect(sent).toHaveLength(1);
      expect(Object.keys(sent[0]!.body as object)).toEqual(['phones']);
      const profile = await sandbox.customer(TOM.id);
      expect(profile.email).toBe('tom.a@example.com');
      expect(phoneDigits(profile)).toEqual(['699887766']);
      // After the save the form shows what the server holds.
      await expect(field(tabB, 'email')).toHaveValue('tom.a@example.com');
    });
  });
});

test.describe('S3 expiring sessions', () => {
  /** Records the page's visits to the issuer's authorization endpoint (a silent re-sign-in would hide a lost session). */
  function watchSignIns(page: Page, sandboxURL: string): Request[] {
    const seen: Request[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(sandboxURL).origin && /^\/customers\/(auth|interaction)/.test(url.pathname)) seen.push(request);
    });
    return seen;
  }

  test('an access token that expired mid-edit is refreshed and the save succeeds', async ({ page, sandbox, sandboxURL, sessions, signIn }) => {
    await sessions.setAccessTokenTtl(3);
    const since = await sandbox.mark();
    await signedIn(page, signIn, TOM);
    const signIns = watchSignIns(page, sandboxURL);

    await faultScenario('S3 token expires while typing', async () => {
      const typed = await typeEdits(page, { first_name: 'Thomas', birth_city: 'Lyon' });
      await page.waitForTimeout(5_000); // the access token (3 s) has expired
      await save(page, SAVED);
      expect(await stored(sandbox, TOM.id, ['first_name', 'birth_city'])).toEqual({ first_name: 'Thomas', birth_city: 'Lyon' });
      await expectInputsKeep(page, typed);
    });

    // The refreshed session keeps working: if a used refresh token had been replayed, the issuer
    // would have revoked the grant and this reload would need a new sign-in.
    await page.waitForTimeout(3_500);
    await page.reload();
    await expect(profileHeading(page)).toBeVisible();
    await expect(field(page, 'first_name')).toHaveValue('Thomas');
    expect(signIns.map((r) => r.url())).toEqual([]);

    const requests = await customerRequests(sandbox, since, TOM.id);
    expect(patches(requests)).toHaveLength(1);
    // No 401 at all: never `Bearer undefined`, never an expired token sent upstream.
    expect(requests.filter((r) => r.status === 401)).toEqual([]);
    expect(requests.every((r) => r.caller?.id === TOM.id)).toBe(true);
  });

  test('when the session cannot be renewed, the edits survive the trip to sign-in and back', async ({ page, sandbox, sessions, signIn }) => {
    await sessions.setAccessTokenTtl(3);
    const since = await sandbox.mark();
    await signedIn(page, signIn, TOM);

    await faultScenario('S3 session cannot be renewed at save time', async () => {
      const typed = await typeEdits(page, { first_name: 'Thomas', birth_city: 'Marseille', 'phones.0.number': '06 12 12 12 12' });
      await sessions.endSessions(TOM.id); // the next refresh is refused by the issuer
      await page.waitForTimeout(3_500);
      await saveButton(page).click();
      // The proxy ends the app session, so the action's answer re-renders the page, which sends the
      // user to sign-in (the draft was kept in this tab when Save was pressed).
      await expect(page.getByRole('heading', { name: 'Sign in to Club Med' })).toBeVisible();
      expect(await stored(sandbox, TOM.id, ['first_name', 'birth_city'])).toEqual({ first_name: 'Tom', birth_city: 'Paris' });
      await page.getByLabel('Email', { exact: true }).fill(TOM.email);
      await page.getByLabel('Password', { exact: true }).fill('clubmed-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByText('We restored the changes you had not saved yet')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Discard these changes' })).toBeVisible();
      await expectInputsKeep(page, typed);

      await save(page, SAVED);
      expect(await stored(sandbox, TOM.id, ['first_name', 'birth_city'])).toEqual({ first_name: 'Thomas', birth_city: 'Marseille' });
      expect(phoneDigits(await sandbox.customer(TOM.id))).toEqual(['612121212']);
      await expect(page.getByText('We restored the changes you had not saved yet')).toHaveCount(0);
    });

    const requests = await customerRequests(sandbox, since, TOM.id);
    expect(patches(requests)).toHaveLength(1);
    expect(requests.filter((r) => r.status === 401)).toEqual([]);
    expect(requests.every((r) => r.caller?.id === TOM.id)).toBe(true);
  });
});

test.describe('S3 session gone without a refresh', () => {
  test('a save with no app session says so, keeps the typing, and "Sign in again" brings it back', async ({ context, page, sandbox, signIn }) => {
    await signedIn(page, signIn, TOM);
    const since = await sandbox.mark();

    await faultScenario('S3 app session cookie gone before saving', async () => {
      const typed = await typeEdits(page, { first_name: 'Tommy', birth_city: 'Nice' });
      await context.clearCookies({ name: /session-token/ }); // the app's session only; the issuer's stays
      await save(page, /Your session has ended/);
      await expectInputsKeep(page, typed);
      expect(await stored(sandbox, TOM.id, ['first_name', 'birth_city'])).toEqual({ first_name: 'Tom', birth_city: 'Paris' });

      await page.getByRole('link', { name: 'Sign in again' }).click();
      // The issuer's session still stands: back without the password form.
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByText('We restored the changes you had not saved yet')).toBeVisible();
      await expectInputsKeep(page, typed);
      await save(page, SAVED);
      expect(await stored(sandbox, TOM.id, ['first_name', 'birth_city'])).toEqual({ first_name: 'Tommy', birth_city: 'Nice' });
    });

    const requests = await customerRequests(sandbox, since, TOM.id);
    expect(patches(requests)).toHaveLength(1);
    expect(requests.filter((r) => r.status === 401)).toEqual([]);
    expect(requests.every((r) => r.caller?.id === TOM.id)).toBe(true);
  });
});

test.describe('failing upstream', () => {
  const GET_PROFILE = 'GET /v2/customers/:id/profile';
  const PATCH_PROFILE = 'PATCH /v1/customers/:id/profile';

  test('reading: bounded retries, then a friendly page with "Try again"', async ({ page, sandbox, signIn }) => {
    test.setTimeout(90_000);
    await signedIn(page, signIn, TOM);
    const before = await sandbox.customer(TOM.id);

    /** Opens /account under `fault`; returns how many profile GETs that one view cost. */
    async function view(fault: Parameters<Sandbox['fault']>[0] | null): Promise<number> {
      await sandbox.clearFaults();
      if (fault) await sandbox.fault(fault);
      const since = await sandbox.mark();
      await page.goto('/account');
      await expect(profileHeading(page).or(page.getByTestId('problem-unavailable'))).toBeVisible({ timeout: 20_000 });
      const gets = profileGets(await customerRequests(sandbox, since, TOM.id)).length;
      expect(gets, 'profile GETs for one view').toBeLessThanOrEqual(3);
      return gets;
    }

    async function expectProblemPage() {
      await expect(page.getByTestId('problem-unavailable')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Your profile could not be loaded' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Try again' })).toBeVisible();
      await expectNoStackTrace(page);
      expect(await sandbox.customer(TOM.id)).toEqual(before); // reading never writes
    }

    await faultScenario('read 503 once: the retry loads the page', async () => {
      expect(await view({ route: GET_PROFILE, times: 1, status: 503 })).toBe(2);
      await expect(profileHeading(page)).toBeVisible();
      await expect(field(page, 'email')).toHaveValue(TOM.email);
    });

    await faultScenario('read 503 ten times: friendly page, and "Try again" works once it is over', async () => {
      expect(await view({ route: GET_PROFILE, times: 10, status: 503 })).toBe(3);
      await expectProblemPage();
      await sandbox.clearFaults();
      await page.getByRole('link', { name: 'Try again' }).click();
      await expect(profileHeading(page)).toBeVisible();
      await expect(field(page, 'email')).toHaveValue(TOM.email);
    });

    await faultScenario('read 500 with an HTML body', async () => {
      expect(await view({ route: GET_PROFILE, times: 10, status: 500, body: 'html' })).toBe(3);
      await expectProblemPage();
    });

    await faultScenario('read 200 with malformed JSON', async () => {
      expect(await view({ route: GET_PROFILE, times: 10, body: 'malformed' })).toBeGreaterThanOrEqual(1);
      await expectProblemPage();
    });

    await faultScenario('read hangs past the timeout', async () => {
      const started = Date.now();
      expect(await view({ route: GET_PROFILE, times: 3, hang: true })).toBe(3);
      await expectProblemPage();
      // 3 attempts × UPSTREAM_TIMEOUT_MS (2.5 s in tests) + backoff.
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    await faultScenario('read connection dropped', async () => {
      expect(await view({ route: GET_PROFILE, times: 10, drop: true })).toBe(3);
      await expectProblemPage();
      await sandbox.clearFaults();
      await page.getByRole('link', { name: 'Try again' }).click();
      await expect(profileHeading(page)).toBeVisible();
    });
  });

  test('saving: no blind retry, a form error, every typed value kept; 429 honours Retry-After', async ({ page, sandbox, signIn }) => {
    test.setTimeout(90_000);
    const AOIFE = CUSTOMERS.aoife;
    await signedIn(page, signIn, AOIFE);
    const keys = ['first_name', 'birth_city', 'phones'];
    const before = await stored(sandbox, AOIFE.id, keys);
    const typed = await typeEdits(page, { first_name: 'Aoife-Marie', birth_city: 'Galway', 'phones.0.number': '+353 85 765 4321' });

    const faults = [
      { name: 'save 500', fault: { status: 500 } },
      { name: 'save 502', fault: { status: 502 } },
      { name: 'save 503', fault: { status: 503 } },
      { name: 'save hangs past the timeout', fault: { hang: true as const } },
      { name: 'save connection dropped', fault: { drop: true as const } },
    ];
    for (const { name, fault } of faults) {
      await faultScenario(name, async () => {
        await sandbox.fault({ route: PATCH_PROFILE, times: 1, ...fault });
        const since = await sandbox.mark();
        await save(page, UNAVAILABLE);
        await expect(page.getByRole('alert').filter({ hasText: UNAVAILABLE })).toBeVisible();
        await expectInputsKeep(page, typed);
        expect(patches(await customerRequests(sandbox, since, AOIFE.id)), 'PATCH attempts').toHaveLength(1);
        expect(await stored(sandbox, AOIFE.id, keys)).toEqual(before);
        await expectNoStackTrace(page);
      });
    }

    await faultScenario('save 429 with Retry-After: 30', async () => {
      await sandbox.fault({ route: PATCH_PROFILE, times: 1, status: 429, retryAfter: 30 });
      const since = await sandbox.mark();
      await save(page, /30 seconds/);
      await expectInputsKeep(page, typed);
      expect(patches(await customerRequests(sandbox, since, AOIFE.id))).toHaveLength(1);
      expect(await stored(sandbox, AOIFE.id, keys)).toEqual(before);
    });

    await faultScenario('save again once the upstream is back', async () => {
      await sandbox.clearFaults();
      const since = await sandbox.mark();
      await save(page, SAVED);
      expect(patches(await customerRequests(sandbox, since, AOIFE.id))).toHaveLength(1);
      const profile = await sandbox.customer(AOIFE.id);
      expect(profile).toMatchObject({ first_name: 'Aoife-Marie', birth_city: 'Galway' });
      expect(phoneDigits(profile)).toEqual(['857654321']);
    });
  });
});

test.describe('F2 double submit', () => {
  test('a double click, two clicks before the re-render, or the same post sent twice at once → one PATCH', async ({ page, sandbox, signIn }) => {
    const AMINATA = CUSTOMERS.aminata;
    await signedIn(page, signIn, AMINATA);

    await faultScenario('F2 dblclick on Save', async () => {
      // A slow upstream keeps the save pending long enough to see the button disabled.
      await sandbox.fault({ route: 'PATCH /v1/customers/:id/profile', times: 1, latencyMs: 1_500 });
      const since = await sandbox.mark();
      await typeEdits(page, { birth_city: 'Ziguinchor' });
      const answered = actionResponse(page);
      await saveButton(page).dblclick();
      await expect(page.getByRole('button', { name: 'Saving…' })).toBeDisabled();
      await answered;
      await expect(formStatus(page)).toContainText(SAVED);
      await page.waitForTimeout(500); // a second action, if any, would have reached the sandbox by now
      expect(patches(await customerRequests(sandbox, since, AMINATA.id))).toHaveLength(1);
      expect((await sandbox.customer(AMINATA.id)).birth_city).toBe('Ziguinchor');
    });

    await faultScenario('F2 two clicks faster than React re-renders', async () => {
      const since = await sandbox.mark();
      await typeEdits(page, { birth_city: 'Thiès' });
      await saveButton(page).evaluate((button: HTMLButtonElement) => {
        button.click();
        button.click();
      });
      await expect(formStatus(page)).toContainText(SAVED, { timeout: 15_000 });
      await page.waitForTimeout(1_000);
      await expect(formStatus(page)).toContainText(SAVED);
      expect(patches(await customerRequests(sandbox, since, AMINATA.id))).toHaveLength(1);
      expect((await sandbox.customer(AMINATA.id)).birth_city).toBe('Thiès');
    });

    await faultScenario('F2 the same post sent twice at once (a retrying browser)', async () => {
      const since = await sandbox.mark();
      await typeEdits(page, { birth_city: 'Saint-Louis' });
      // Let the browser's post through, and send an identical copy at the same moment.
      let copyStatus = 0;
      await page.route('**/account', async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        const [original, copy] = await Promise.all([route.fetch(), page.request.fetch(request)]);
        copyStatus = copy.status();
        await route.fulfill({ response: original });
      });
      await save(page, SAVED);
      await page.unroute('**/account');
      expect(copyStatus).toBe(200);
      expect(patches(await customerRequests(sandbox, since, AMINATA.id))).toHaveLength(1);
      expect((await sandbox.customer(AMINATA.id)).birth_city).toBe('Saint-Louis');
    });
  });
});

test.describe('F3 oversized posts', () => {
  test('a 2 MB last name gets a field error before any upstream call; the page stays usable', async ({ page, sandbox, signIn }) => {
    const JOSE = CUSTOMERS.jose;
    await signedIn(page, signIn, JOSE);
    const before = await sandbox.customer(JOSE.id);

    await faultScenario('F3 2 MB last name', async () => {
      const since = await sandbox.mark();
      await typeEdits(page, { birth_city: 'Sevilla' });
      await field(page, 'last_name').evaluate((input: HTMLInputElement) => {
        input.value = 'G'.repeat(2 * 1024 * 1024);
      });
      await save(page, /Nothing was saved/);
      await expect(page.locator('#field-last_name-error')).toContainText(/Too long: at most \d+ characters/);
      await expect(field(page, 'last_name')).toHaveAttribute('aria-invalid', 'true');
      await expectInputsKeep(page, { birth_city: 'Sevilla' });
      expect(await customerRequests(sandbox, since, JOSE.id)).toEqual([]); // not even the GET
      expect(await sandbox.customer(JOSE.id)).toEqual(before);

      await typeEdits(page, { last_name: 'García López' });
      await save(page, SAVED);
      expect(await sandbox.customer(JOSE.id)).toMatchObject({ last_name: 'García López', birth_city: 'Sevilla' });
    });
  });

  test('10,000 phones in a crafted post are refused before any upstream call', async ({ browser, baseURL, sandbox, signIn }) => {
    // Without JavaScript the form is a plain multipart post whose field names are the form's own:
    // the crafted rows can be added to it on the way.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await context.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
    const page = await context.newPage();
    const JOSE = CUSTOMERS.jose;
    await signedIn(page, signIn, JOSE);
    const before = await sandbox.customer(JOSE.id);

    await faultScenario('F3 10,000 phones', async () => {
      const since = await sandbox.mark();
      // Cannot be typed: the browser's post gets 10,000 phone rows added, as a crafted post would carry them.
      await page.route((url) => url.pathname === '/account', async (route) => {
        const request = route.request();
        const boundary = /boundary=(.+)$/.exec(request.headers()['content-type'] ?? '')?.[1];
        if (request.method() !== 'POST' || !boundary) return route.continue();
        const body = request.postDataBuffer()!.toString('latin1');
        const end = body.lastIndexOf(`--${boundary}--`);
        const prefix = /name="(_\d+_)base"/.exec(body)?.[1] ?? '';
        const rows: string[] = [];
        for (let i = 0; i < 10_000; i++) {
          for (const [name, value] of [[`phones.${i}.number`, `+33 6 ${String(10_000_000 + i).slice(-8)}`], [`phones.${i}.type`, 'MOBILE']]) {
            rows.push(`--${boundary}\r\nContent-Disposition: form-data; name="${prefix}${name}"\r\n\r\n${value}\r\n`);
          }
        }
        const postData = Buffer.from(body.slice(0, end) + rows.join('') + body.slice(end), 'latin1');
        expect(postData.length).toBeGreaterThan(1_000_000);
        await route.continue({ postData });
      });
      await typeEdits(page, { birth_city: 'Cádiz' });
      await save(page, /Nothing was saved/);
      await page.unrouteAll();
      await expect(formStatus(page)).toContainText(/Too many entries: at most \d+/);
      // Without JavaScript the answer is the whole page: its render reads the profile (one GET). Nothing is sent.
      const requests = await customerRequests(sandbox, since, JOSE.id);
      expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(requests.length).toBeLessThanOrEqual(1);
      expect(await sandbox.customer(JOSE.id)).toEqual(before);
      // Still usable: the same edit, without the crafted rows, saves.
      await openAccount(page);
      await typeEdits(page, { birth_city: 'Cádiz' });
      await save(page, SAVED);
      expect((await sandbox.customer(JOSE.id)).birth_city).toBe('Cádiz');
    });
    await context.close();
  });
});

test.describe('F6 a tab left open across a deployment', () => {
  test('a form rendered from an older shape asks to reload and keeps the edits', async ({ page, sandbox, signIn }) => {
    const MATHILDE = CUSTOMERS.mathilde;
    await signedIn(page, signIn, MATHILDE);
    const before = await sandbox.customer(MATHILDE.id);

    await faultScenario('F6 base from an older deployment', async () => {
      const since = await sandbox.mark();
      const typed = await typeEdits(page, { first_name: 'Mathilde-Rose', birth_city: 'Le Tampon' });
      await page.locator('input[type="hidden"][name="base"]').evaluate((input: HTMLInputElement) => {
        input.value = '{}';
      });
      await save(page, /out of date\. Reload the page/);
      await expectInputsKeep(page, typed);
      expect(patches(await customerRequests(sandbox, since, MATHILDE.id))).toEqual([]);
      expect(await sandbox.customer(MATHILDE.id)).toEqual(before);
    });
  });

  test('a server action id the new deployment does not know: reload brings the edits back', async ({ page, sandbox, signIn }) => {
    const MATHILDE = CUSTOMERS.mathilde;
    await signedIn(page, signIn, MATHILDE);
    const before = await sandbox.customer(MATHILDE.id);

    await faultScenario('F6 unknown server action id', async () => {
      const since = await sandbox.mark();
      const typed = await typeEdits(page, { first_name: 'Mathilde-Rose', birth_city: 'Le Tampon' });
      // What a tab built before the deployment sends: an action id the new build does not have.
      await page.route('**/account', async (route) => {
        const request = route.request();
        if (request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
        await route.continue({ headers: { ...request.headers(), 'next-action': '7f'.repeat(21) } });
      });
      await saveButton(page).click();
      await expect(page.getByRole('heading', { name: 'This page needs a reload' })).toBeVisible();
      await page.unroute('**/account');
      expect(patches(await customerRequests(sandbox, since, MATHILDE.id))).toEqual([]);
      expect(await sandbox.customer(MATHILDE.id)).toEqual(before);

      await page.getByRole('button', { name: 'Reload the page' }).click();
      await expect(page.getByText('We restored the changes you had not saved yet')).toBeVisible();
      await expectInputsKeep(page, typed);
      await save(page, SAVED);
      expect(await sandbox.customer(MATHILDE.id)).toMatchObject({ first_name: 'Mathilde-Rose', birth_city: 'Le Tampon' });
    });
  });
});

test.afterAll(() => {
  const { run, lostOrOverwrote, failed } = tally();
  console.log(
    `never-lose-an-edit: ${run} fault scenarios run, ${lostOrOverwrote} lost or overwrote data` +
      (failed.length ? ` (not proven safe: ${failed.join('; ')})` : ''),
  );
});
