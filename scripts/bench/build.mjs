// `next build` into a separate dist dir (NEXT_DIST_DIR=.next-bench), so the bench never touches the
// `.next` that `npm start` and `npm test` serve. Skipped when the last successful bench build is newer
// than every build input (same rule as scripts/lib/build.mjs, with its own marker).
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT } from '../lib/paths.mjs';
import { bold, launch, exitCodeOf } from '../lib/proc.mjs';

export const BENCH_DIST_DIR = '.next-bench';
const MARKER = path.join(BENCH_DIST_DIR, 'build-succeeded');

/** Top-level entries that never feed the Next build (and every `.next*` output folder). */
const NOT_BUILD_INPUTS = new Set([
  'node_modules', '.data', '.git', '.ci', 'e2e', 'scripts', 'sandbox', 'bench', 'test-results',
  'playwright-report', 'next-env.d.ts', 'tsconfig.tsbuildinfo', 'playwright.config.ts', 'vitest.config.ts',
  'eslint.config.mjs', 'README.md', 'AGENTS.md', '.gitignore',
]);
const MAX_FILES = 50_000;

function newestMtime(dir, top, budget) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && (NOT_BUILD_INPUTS.has(entry.name) || entry.name.startsWith('.next'))) continue;
    if (--budget.left < 0) return Infinity; // absurdly many files: just build
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory()
      ? newestMtime(full, false, budget)
      : (statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** Why the bench must build, or null when .next-bench holds a build of the current sources. */
export function benchBuildReason(root = ROOT) {
  const marker = statSync(path.join(root, MARKER), { throwIfNoEntry: false });
  if (!marker) return 'no successful bench build yet';
  const installed = statSync(path.join(root, 'node_modules', '.package-lock.json'), { throwIfNoEntry: false });
  if (newestMtime(root, true, { left: MAX_FILES }) > marker.mtimeMs || (installed && installed.mtimeMs > marker.mtimeMs)) {
    return 'sources changed since the last bench build';
  }
  return null;
}

/**
 * `next build` rewrites tsconfig.json (adds `.next-bench/types` to "include") and next-env.d.ts
 * (points it at .next-bench) for the dist dir it builds. Put both back as they were, content and
 * mtime, so a bench run leaves the work tree and the other builds' freshness checks untouched.
 * tsconfig.json is only restored when Next's addition is the only change.
 */
function snapshot(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? { file, text: readFileSync(file, 'utf8'), atime: stat.atime, mtime: stat.mtime } : null;
}

function restore(snap, { onlyIfBenchIncludes = false } = {}) {
  if (!snap) return 'absent';
  const now = readFileSync(snap.file, 'utf8');
  if (now === snap.text) return 'unchanged';
  if (onlyIfBenchIncludes) {
    try {
      const after = JSON.parse(now);
      after.include = (after.include ?? []).filter((p) => !String(p).startsWith(`${BENCH_DIST_DIR}/`));
      if (JSON.stringify(after) !== JSON.stringify(JSON.parse(snap.text))) return 'changed by someone else: left as is';
    } catch {
      return 'unparseable: left as is';
    }
  }
  writeFileSync(snap.file, snap.text);
  utimesSync(snap.file, snap.atime, snap.mtime);
  return 'restored';
}

/** Build unless current (or `force`); throws when the build fails. Returns what it did. */
export async function ensureBenchBuilt(appEnv, { force = false, timeoutMs = 420_000, root = ROOT } = {}) {
  const reason = force ? 'asked with --rebuild' : benchBuildReason(root);
  if (!reason) {
    console.log(bold(`\n▶ The bench build (${BENCH_DIST_DIR}) is up to date: skipping next build`));
    return { built: false, seconds: 0 };
  }
  console.log(bold(`\n▶ Building for production into ${BENCH_DIST_DIR} (${reason}): next build`));
  const tsconfig = snapshot(path.join(root, 'tsconfig.json'));
  const nextEnv = snapshot(path.join(root, 'next-env.d.ts'));
  const started = new Date();
  const build = launch(bin('next'), ['build'], { env: { ...appEnv, NEXT_DIST_DIR: BENCH_DIST_DIR } });
  const timer = setTimeout(() => build.stop(), timeoutMs);
  const code = exitCodeOf(await build.exited);
  clearTimeout(timer);
  const tsconfigState = restore(tsconfig, { onlyIfBenchIncludes: true });
  restore(nextEnv);
  if (tsconfigState.startsWith('changed')) console.log(`  tsconfig.json ${tsconfigState}`);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  const marker = path.join(root, MARKER);
  writeFileSync(marker, `${started.toISOString()}\n`);
  utimesSync(marker, started, started);
  return { built: true, seconds: (Date.now() - started.getTime()) / 1000 };
}
