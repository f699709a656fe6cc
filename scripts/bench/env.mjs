// The bench's own environment: the test profile of scripts/lib/env.mjs (which ignores .env.local and
// pins every connection setting to the embedded sandbox on localhost), moved to the bench's ports and
// data folders, with the sandbox's fixed added latency. Nothing here can point at a real API.
import { buildEnv } from '../lib/env.mjs';

export const BENCH_PORTS = { app: 3300, sandbox: 4300 };
export const BENCH_DATA_DIRS = { app: '.data/bench-app', sandbox: '.data/bench-sandbox' };

export function benchEnv({ latencyMs = 50, ports = BENCH_PORTS } = {}) {
  const test = buildEnv({ profile: 'test' });
  // The test profile may add test-only tweaks (e.g. a short upstream timeout): the bench measures
  // production settings, so drop whatever the start profile does not set (unless given explicitly).
  const startKeys = new Set(Object.keys(buildEnv({ profile: 'start', processEnv: {} }).decided.app));
  for (const key of Object.keys(test.decided.app)) {
    if (!startKeys.has(key)) {
      if (process.env[key]) test.app[key] = process.env[key];
      else delete test.app[key];
    }
  }
  const moved = (vars) => {
    const out = {};
    for (const [key, value] of Object.entries(vars)) {
      out[key] = typeof value === 'string'
        ? value
            .replaceAll(`localhost:${test.ports.app}`, `localhost:${ports.app}`)
            .replaceAll(`localhost:${test.ports.sandbox}`, `localhost:${ports.sandbox}`)
        : value;
    }
    return out;
  };
  const appUrl = `http://localhost:${ports.app}`;
  const sandboxUrl = `http://localhost:${ports.sandbox}`;
  const quiet = { NEXT_TELEMETRY_DISABLED: '1' };
  const app = {
    ...moved(test.app), ...quiet, NODE_ENV: 'production', NEXT_DIST_DIR: '.next-bench',
    APP_DATA_DIR: BENCH_DATA_DIRS.app,
  };
  const sandbox = {
    ...moved(test.sandbox), ...quiet, SANDBOX_PORT: String(ports.sandbox), SANDBOX_HOST: 'localhost',
    SANDBOX_DATA_DIR: BENCH_DATA_DIRS.sandbox,
    SANDBOX_LATENCY_MS: String(latencyMs),
    // Long enough that the proxy never refreshes the token during the run: load tools do not keep
    // the rotated cookie, and a replayed refresh token would sign the load out.
    SANDBOX_ACCESS_TOKEN_TTL: '3600',
  };
  // Only localhost targets: refuse to run if anything still points elsewhere.
  for (const key of ['APP_URL', 'AUTH_URL', 'CLUBMED_API_BASE_URL', 'CUSTOMER_ISSUER', 'STAFF_ISSUER']) {
    const value = app[key];
    if (value && !value.startsWith(appUrl) && !value.startsWith(sandboxUrl)) {
      throw new Error(`bench environment: ${key}=${value} is not on localhost:${ports.app}/${ports.sandbox}`);
    }
  }
  return {
    app, sandbox, ports, appUrl, sandboxUrl,
    apiKey: app.CLUBMED_API_KEY,
    marketLocale: app.CLUBMED_DEFAULT_MARKET || 'fr-FR',
    readiness: {
      app: `${appUrl}/`,
      sandbox: `${sandboxUrl}/customers/.well-known/openid-configuration`,
    },
  };
}
