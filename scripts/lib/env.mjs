// The one place that decides the environment of the app and the sandbox, for `npm start`, `npm test`
// and the Playwright config alike.
//
// Profile `start`: variables already in the environment win, then `.env.local`, then the defaults
// below, which target the embedded sandbox. Profile `test`: every connection setting is pinned to the
// test ports and data directories, so a test run never touches a running `npm start` or the real API.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';
import { ROOT } from './paths.mjs';

export const TEST_PORTS = { app: 3100, sandbox: 4100 };
/** Wiped at the start of each Playwright run. */
export const TEST_DATA_DIRS = { app: '.data/test-app', sandbox: '.data/test-sandbox' };
export const SANDBOX_API_KEY = 'sandbox-key';

export const DEMO_ACCOUNTS = [
  { role: 'customer', email: 'tom@example.com', password: 'clubmed-demo' },
  { role: 'staff', email: 'agent@clubmed.example', password: 'clubmed-demo' },
];

/** Variables of `.env.local` ({} when there is no such file). */
export function readDotEnvLocal(root = ROOT) {
  const file = path.join(root, '.env.local');
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}

/** 32 random bytes, generated on first use and kept in `.data/auth-secret`. Never print it. */
export function persistentAuthSecret(root = ROOT) {
  const file = path.join(root, '.data', 'auth-secret');
  const existing = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function defaults({ appUrl, sandboxUrl, sandboxPort, dataDirs, authSecret }) {
  // The sandbox registers the app's OIDC clients: both sides get the same ids and secrets.
  const clients = {
    CUSTOMER_CLIENT_ID: 'profile-app',
    CUSTOMER_CLIENT_SECRET: 'sandbox-customer-secret',
    STAFF_CLIENT_ID: 'profile-app-staff',
    STAFF_CLIENT_SECRET: 'sandbox-staff-secret',
  };
  return {
    app: {
      APP_URL: appUrl,
      AUTH_URL: appUrl,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: 'true',
      CLUBMED_API_BASE_URL: sandboxUrl,
      CLUBMED_API_KEY: SANDBOX_API_KEY,
      CUSTOMER_ISSUER: `${sandboxUrl}/customers`,
      STAFF_ISSUER: `${sandboxUrl}/staff`,
      ...clients,
      APP_DATA_DIR: dataDirs.app,
    },
    sandbox: {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_URL: sandboxUrl,
      SANDBOX_DATA_DIR: dataDirs.sandbox,
      APP_URL: appUrl,
      CLUBMED_API_KEY: SANDBOX_API_KEY,
      SANDBOX_ACCESS_TOKEN_TTL: '600',
      ...clients,
    },
  };
}

/**
 * The full environment of each child process (`app`, `sandbox`: ready to pass to spawn), their ports,
 * and the local URLs that answer once each is ready.
 */
export function buildEnv({ profile = 'start', root = ROOT, processEnv = process.env } = {}) {
  const test = profile === 'test';
  // What the children inherit, and which of it overrides the defaults (nothing, for tests).
  const inherited = { ...(test ? {} : readDotEnvLocal(root)), ...processEnv };
  const given = test ? {} : Object.fromEntries(Object.entries(inherited).filter(([, value]) => value));
  // TEST_APP_PORT / TEST_SANDBOX_PORT move a test run off the default test ports (two runs at once).
  const ports = test
    ? { app: Number(processEnv.TEST_APP_PORT || TEST_PORTS.app), sandbox: Number(processEnv.TEST_SANDBOX_PORT || TEST_PORTS.sandbox) }
    : { app: Number(given.PORT ?? 3000), sandbox: Number(given.SANDBOX_PORT ?? 4000) };
  const appUrl = given.APP_URL ?? `http://localhost:${ports.app}`;
  const sandboxUrl = given.SANDBOX_URL ?? `http://localhost:${ports.sandbox}`;
  const base = defaults({
    appUrl,
    sandboxUrl,
    sandboxPort: ports.sandbox,
    dataDirs: test ? TEST_DATA_DIRS : { app: '.data/app', sandbox: '.data/sandbox' },
    authSecret: given.AUTH_SECRET ?? persistentAuthSecret(root),
  });
  // Tests inject hangs upstream (sandbox faults): a shorter timeout keeps them quick (3 GET attempts ≈ 8 s).
  if (test) {
    base.app.UPSTREAM_TIMEOUT_MS = '2500';
    // Browser tests save as Tom far more often than a person could.
    base.app.SAVE_RATE_LIMIT_PER_MINUTE = '1000';
  }
  const app = { ...inherited, ...base.app, ...pick(given, base.app) };
  const sandbox = { ...inherited, ...base.sandbox, ...pick(given, base.sandbox) };
  // The sandbox is only worth starting when the app talks to it for something.
  const usesSandbox = [app.CLUBMED_API_BASE_URL, app.CUSTOMER_ISSUER, app.STAFF_ISSUER].some((url) =>
    url.startsWith(sandboxUrl),
  );
  return {
    app,
    sandbox,
    ports,
    appUrl,
    sandboxUrl,
    usesSandbox,
    readiness: {
      app: `http://localhost:${ports.app}/`,
      sandbox: `http://localhost:${ports.sandbox}/customers/.well-known/openid-configuration`,
    },
    /** The variables this module sets, per process (the rest is inherited). */
    decided: { app: pick(app, base.app), sandbox: pick(sandbox, base.sandbox) },
  };
}

function pick(values, keysOf) {
  return Object.fromEntries(Object.keys(keysOf).filter((k) => k in values).map((k) => [k, values[k]]));
}

// `node scripts/lib/env.mjs [test]` prints what each process gets (AUTH_SECRET masked).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { decided } = buildEnv({ profile: process.argv[2] === 'test' ? 'test' : 'start' });
  for (const vars of Object.values(decided)) if (vars.AUTH_SECRET) vars.AUTH_SECRET = '(hidden)';
  console.log(JSON.stringify(decided, null, 2));
}
