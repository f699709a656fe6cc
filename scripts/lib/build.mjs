// `next build`, skipped when .next/BUILD_ID is newer than everything the build reads.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT } from './paths.mjs';
import { bold, run } from './proc.mjs';

/** Top-level folders that never feed the Next build (the sandbox is a separate server). */
const NOT_BUILD_INPUTS = new Set([
  'node_modules', '.next', '.data', '.git', '.ci', 'e2e', 'scripts', 'sandbox', 'bench',
  'test-results', 'playwright-report',
]);

function newestMtime(dir, top = true) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && NOT_BUILD_INPUTS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full, false) : statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** Why `next build` must run, or null when .next holds a build of the current sources. */
export function buildReason(root = ROOT) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  const built = statSync(buildId).mtimeMs;
  const installed = statSync(path.join(root, 'node_modules', '.package-lock.json'), { throwIfNoEntry: false });
  if (newestMtime(root) > built || (installed && installed.mtimeMs > built)) return 'sources changed since the last build';
  return null;
}

/** `next build` with the app's environment; resolves to the exit code. */
export function nextBuild(env) {
  return run(bin('next'), ['build'], { env });
}

/** Build unless the last build is current; throws when the build fails. */
export async function ensureBuilt(env, root = ROOT) {
  const reason = buildReason(root);
  if (!reason) {
    console.log(bold('\n▶ Build is up to date (.next/BUILD_ID is newer than the sources)'));
    return;
  }
  console.log(bold(`\n▶ Building the app (${reason}): next build`));
  const code = await nextBuild(env);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}
