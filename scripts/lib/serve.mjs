// Playwright's web servers: `node scripts/lib/serve.mjs sandbox|app`. Each one starts from empty
// data (its *_DATA_DIR, which must lie under .data/, is deleted first), and the app is built first
// when .next is missing or stale, so `npx playwright test` also works on its own.
// Environment and port come from the caller (playwright.config.ts, via scripts/lib/env.mjs). The
// server stays in our process group: Playwright stops a web server by signalling its whole group.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildReason, ensureBuilt } from './build.mjs';
import { bin, ROOT } from './paths.mjs';
import { exitCodeOf, launch } from './proc.mjs';

const role = process.argv[2];
const dataDirVar = { sandbox: 'SANDBOX_DATA_DIR', app: 'APP_DATA_DIR' }[role];
if (!dataDirVar) {
  console.error('usage: node scripts/lib/serve.mjs sandbox|app');
  process.exit(2);
}

const dataDir = path.resolve(ROOT, process.env[dataDirVar] ?? '');
if (!dataDir.startsWith(path.join(ROOT, '.data') + path.sep)) {
  console.error(`${dataDirVar} must name a folder under .data/ (got ${process.env[dataDirVar] ?? 'nothing'})`);
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });

let server;
if (role === 'sandbox') {
  server = launch(bin('tsx'), ['sandbox/server.ts'], { group: false });
} else {
  const port = new URL(process.env.APP_URL).port;
  // Playwright shows a web server's stderr only.
  const reason = buildReason();
  if (reason) console.error(`Building the app first (${reason}): next build…`);
  try {
    await ensureBuilt(process.env);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  server = launch(bin('next'), ['start', '-p', port], { group: false });
}
process.exit(exitCodeOf(await server.exited));
