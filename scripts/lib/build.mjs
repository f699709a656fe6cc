// `next build`, skipped when the last one succeeded after every change to what the build reads.
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT } from './paths.mjs';
import { bold, run } from './proc.mjs';

/** What never feeds the Next build: other servers and tools, outputs, and files Next itself writes. */
const NOT_BUILD_INPUTS = new Set([
  'node_modules', '.next', '.data', '.git', '.ci', 'e2e', 'scripts', 'sandbox', 'bench',
  'test-results', 'playwright-report', 'next-env.d.ts', 'tsconfig.tsbuildinfo', 'playwright.config.ts',
  'vitest.config.ts', 'eslint.config.mjs', 'README.md', 'AGENTS.md', '.gitignore',
]);

function newestMtime(dir, top = true) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && (NOT_BUILD_INPUTS.has(entry.name) || entry.name.startsWith('.next-'))) continue; // other build folders (bench)
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory()
      ? newestMtime(full, false)
      : (statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    newest = Math.max(newest, mtime);
  }
  return newest;
}

// Next writes .next/BUILD_ID before prerendering, so a failed build leaves one too: a build counts
// once nextBuild() has seen it succeed and written this file (next build empties .next first),
// dated when the build started so that edits made during the build trigger the next one.
const SUCCESS_MARKER = path.join('.next', 'build-succeeded');

/** Why `next build` must run, or null when .next holds a successful build of the current sources. */
export function buildReason(root = ROOT) {
  const marker = statSync(path.join(root, SUCCESS_MARKER), { throwIfNoEntry: false });
  if (!marker) return 'no successful build yet';
  const built = marker.mtimeMs;
  const installed = statSync(path.join(root, 'node_modules', '.package-lock.json'), { throwIfNoEntry: false });
  if (newestMtime(root) > built || (installed && installed.mtimeMs > built)) {
    return 'sources changed since the last build';
  }
  return null;
}

/** `next build` with the app's environment (pages prerender with it); resolves to the exit code. */
export async function nextBuild(env) {
  const started = new Date();
  const code = await run(bin('next'), ['build'], { env });
  if (code === 0) {
    const marker = path.join(ROOT, SUCCESS_MARKER);
    writeFileSync(marker, `${started.toISOString()}\n`);
    utimesSync(marker, started, started);
  }
  return code;
}

/** Build unless the last build is current; throws when the build fails. */
export async function ensureBuilt(env, root = ROOT) {
  const reason = buildReason(root);
  if (!reason) {
    console.log(bold('\n▶ The last build is up to date: skipping next build'));
    return;
  }
  console.log(bold(`\n▶ Building the app (${reason}): next build`));
  const code = await nextBuild(env);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}
