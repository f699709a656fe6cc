// Install dependencies when they are missing or older than the lockfile, then prove the native
// module (better-sqlite3) loads: npm 11 only runs the install scripts package.json's allowScripts
// lists, and a skipped build only shows up later as a crash.
import { existsSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { bold, red, run } from './proc.mjs';
import { ROOT } from './paths.mjs';

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : null);

/** Why an install is needed, or null when node_modules is up to date. */
export function installReason(root = ROOT) {
  const lockfile = mtime(path.join(root, 'package-lock.json'));
  // npm writes node_modules/.package-lock.json at the end of every install.
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed === null) return 'node_modules is missing';
  if (lockfile !== null && lockfile > installed) return 'package-lock.json is newer than node_modules';
  return null;
}

const NATIVE_CHECK = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";

export async function ensureInstalled(root = ROOT) {
  const reason = installReason(root);
  if (reason) {
    const command = existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
    console.log(bold(`\n▶ Installing dependencies (${reason}): npm ${command}`));
    const code = await run('npm', [command, '--no-audit', '--no-fund']);
    if (code !== 0) throw new Error(`npm ${command} failed (exit code ${code})`);
    // `npm install` may rewrite package-lock.json after the hidden lockfile: mark this install as
    // the newer of the two so the next run does not install again.
    const now = new Date();
    utimesSync(path.join(root, 'node_modules', '.package-lock.json'), now, now);
  }
  if ((await run(process.execPath, ['-e', NATIVE_CHECK])) === 0) return;

  console.log(bold('\n▶ better-sqlite3 does not load; rebuilding it: npm rebuild better-sqlite3'));
  const rebuilt = (await run('npm', ['rebuild', 'better-sqlite3'])) === 0;
  if (rebuilt && (await run(process.execPath, ['-e', NATIVE_CHECK])) === 0) return;
  console.error(
    red(
      'better-sqlite3 (a native module) does not load. Check that package.json "allowScripts" lists ' +
        'better-sqlite3, that a C/C++ toolchain is available (apt-get install build-essential python3) ' +
        'if no prebuilt binary matches this Node, then run: npm rebuild better-sqlite3',
    ),
  );
  throw new Error('better-sqlite3 does not load');
}
