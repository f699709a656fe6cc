// `npm test`: install what is missing, make sure Chromium is there, then run every check in order,
// stopping at the first failure. `npm test -- unit e2e` runs only the named steps.
import { nextBuild } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { buildEnv } from './lib/env.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { bin } from './lib/paths.mjs';
import { bold, dim, green, receivedSignal, red, run } from './lib/proc.mjs';

const STEPS = [
  { name: 'typecheck', title: 'tsc --noEmit', run: () => run(bin('tsc'), ['--noEmit']) },
  { name: 'lint', title: 'eslint --max-warnings 0 .', run: () => run(bin('eslint'), ['--max-warnings', '0', '.']) },
  { name: 'unit', title: 'vitest run --project unit', run: () => run(bin('vitest'), ['run', '--project', 'unit']) },
  {
    name: 'contract',
    title: 'vitest run --project contract (starts its own sandbox)',
    run: () => run(bin('vitest'), ['run', '--project', 'contract']),
  },
  { name: 'build', title: 'next build', run: () => nextBuild(buildEnv({ profile: 'test' }).app) },
  {
    name: 'e2e',
    title: 'playwright test',
    run: (context) => run(bin('playwright'), ['test'], { env: { ...process.env, CHROMIUM_PATH: context.chromium } }),
  },
];

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(red(`Unknown step ${unknown.join(', ')}. Steps: ${STEPS.map((step) => step.name).join(', ')}`));
  process.exit(2);
}
const steps = requested.length > 0 ? STEPS.filter((step) => requested.includes(step.name)) : STEPS;

const seconds = (ms) =>
  ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
const started = performance.now();
const results = [];

function summarize() {
  const width = Math.max(...STEPS.map((step) => step.name.length));
  console.log(bold('\nSummary'));
  for (const step of steps) {
    const result = results.find((r) => r.step === step);
    if (!result) console.log(dim(`  -  ${step.name.padEnd(width)}  not run`));
    else if (result.code === 0) console.log(`  ${green('✔')}  ${step.name.padEnd(width)}  ${seconds(result.ms)}`);
    else console.log(`  ${red('✖')}  ${step.name.padEnd(width)}  ${seconds(result.ms)}  ${red(`exit ${result.code}`)}`);
  }
}

const context = {};
try {
  await ensureInstalled();
  if (steps.some((step) => step.name === 'e2e')) context.chromium = await ensureChromium();
} catch (error) {
  console.error(red(`\n✖ ${error.message}`));
  process.exit(1);
}

for (const [index, step] of steps.entries()) {
  console.log(bold(`\n━━━ [${index + 1}/${steps.length}] ${step.name}: ${step.title} ━━━`));
  const stepStarted = performance.now();
  const code = await step.run(context);
  results.push({ step, code, ms: performance.now() - stepStarted });
  if (code !== 0 || receivedSignal()) break;
}

summarize();
const failed = results.find((result) => result.code !== 0);
const total = seconds(performance.now() - started);
if (receivedSignal()) {
  console.log(red(`\n✖ Interrupted (${receivedSignal()}) after ${total}`));
  process.exit(receivedSignal() === 'SIGINT' ? 130 : 143);
}
if (failed) {
  console.log(red(bold(`\n✖ FAILED at ${failed.step.name} (exit code ${failed.code}) after ${total}`)));
  process.exit(failed.code);
}
console.log(green(bold(`\n✔ All ${steps.length} steps passed in ${total}`)));
