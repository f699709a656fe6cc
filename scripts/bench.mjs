// `npm run bench`: build for production (into .next-bench), start the sandbox (fixed added latency)
// and the app on the bench's own ports and data, sign in as Tom, and measure side by side:
//   - /account's response time vs the upstream GET's own, under 1, 10 and 50 signed-in users
//   - /account's throughput vs a minimal dynamic page (/bench-baseline) in the same server
//   - upstream calls per page view and per save (the sandbox's request log)
//   - client JavaScript /account ships, gzipped
//   - the app's memory (RSS) under load
//   - Lighthouse on /account, signed in
// Prints a table, writes bench/results/<timestamp>.json and bench/results/latest.json.
//   --seconds=N      duration of each load run (default 8)
//   --users=1,10,50  concurrency levels
//   --latency=MS     the sandbox's added latency (default 50)
//   --no-lighthouse  skip Lighthouse
//   --rebuild        build even when .next-bench looks current
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { ROOT } from './lib/paths.mjs';
import { bold, dim, green, launch, receivedSignal, red, exitCodeOf } from './lib/proc.mjs';
import { openBrowser, saveOnce, signIn } from './bench/browser.mjs';
import { BENCH_DIST_DIR, ensureBenchBuilt } from './bench/build.mjs';
import { beyond, clientJs } from './bench/client-js.mjs';
import { benchEnv, BENCH_DATA_DIRS } from './bench/env.mjs';
import { runLighthouse } from './bench/lighthouse.mjs';
import { runLoad, stopAllLoads } from './bench/load.mjs';
import { rssMiB, sampleRss } from './bench/memory.mjs';
import { formatReport } from './bench/report.mjs';
import { countCalls, sandboxLog } from './bench/sandbox-log.mjs';
import { checkPortsFree, nextServerPid, startServers, stopServers, wipeDataDirs } from './bench/servers.mjs';

const TOM = { id: '123456789', email: 'tom@example.com', password: 'clubmed-demo', lastName: 'Smith' };
const WHOLE_RUN_LIMIT_MS = 9 * 60_000;
const AFTER_LOAD_SECONDS = 3;

// ---- options ----------------------------------------------------------------------------------
const options = { seconds: 8, users: [1, 10, 50], latency: 50, lighthouse: true, rebuild: false };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.split('=');
  if (key === '--seconds' && Number(value) > 0 && Number(value) <= 60) options.seconds = Number(value);
  else if (key === '--users' && value && value.split(',').every((v) => Number(v) >= 1 && Number(v) <= 200)) {
    options.users = value.split(',').map(Number);
  } else if (key === '--latency' && Number(value) >= 0 && Number(value) <= 5000) options.latency = Number(value);
  else if (arg === '--no-lighthouse') options.lighthouse = false;
  else if (arg === '--rebuild') options.rebuild = true;
  else {
    console.error(red(`Unknown or out-of-range option ${arg}. Options: --seconds=1..60 --users=1,10,50 --latency=MS --no-lighthouse --rebuild`));
    process.exit(2);
  }
}

// ---- stopping: Ctrl-C, SIGTERM, or the whole-run limit ----------------------------------------
let stopReason = null;
let browser = null;
function requestStop(reason) {
  if (stopReason) return;
  stopReason = reason;
  stopAllLoads();
  browser?.close().catch(() => {});
}
// scripts/lib/proc.mjs forwards the signal to the servers; this stops what runs in this process.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => requestStop(`interrupted (${signal})`));
setTimeout(() => requestStop(`the bench ran longer than ${WHOLE_RUN_LIMIT_MS / 60_000} minutes`), WHOLE_RUN_LIMIT_MS).unref();
function checkpoint() {
  if (stopReason || receivedSignal()) throw Object.assign(new Error(stopReason ?? 'interrupted'), { stopped: true });
}

// ---- helpers ----------------------------------------------------------------------------------
const started = Date.now();
const step = (text) => console.log(bold(`\n▶ ${text}`));
const note = (text) => console.log(dim(`  ${text}`));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (v) => (v === null || v === undefined ? null : Number(v.toFixed(1)));

const result = {
  startedAt: new Date(started).toISOString(),
  machine: {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverageAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  },
  config: {
    sandboxLatencyMs: options.latency,
    seconds: options.seconds,
    users: options.users,
    distDir: BENCH_DIST_DIR,
    customer: TOM.id,
    loadTool: 'autocannon (closed loop: each user sends its next request when the previous answer arrives)',
    timing: 'client-side response time on localhost, load generator on the same machine',
  },
  build: null,
  latency: [],
  throughput: [],
  upstreamCalls: null,
  clientJs: null,
  memory: null,
  lighthouse: null,
  failures: [],
  totalSeconds: null,
};

/** A measurement that may fail without stopping the others. */
async function measure(name, fn) {
  checkpoint();
  try {
    return await fn();
  } catch (error) {
    if (error.stopped || stopReason) throw error;
    console.error(red(`  ✖ ${name}: ${error.message}`));
    result.failures.push({ step: name, message: error.message });
    return null;
  }
}

async function customerToken(env) {
  const lines = [];
  const child = launch('npm', ['run', '-s', 'sandbox:token', '--', TOM.id], { env: env.sandbox, stdio: 'pipe', onLine: (l) => lines.push(l) });
  const timer = setTimeout(() => child.stop('SIGKILL'), 60_000);
  const code = exitCodeOf(await child.exited);
  clearTimeout(timer);
  const token = lines.map((l) => l.trim()).reverse().find((l) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(l));
  if (code !== 0 || !token) throw new Error(`npm run sandbox:token failed (exit ${code}): ${lines.slice(-5).join(' | ')}`);
  return token;
}

/**
 * Runs a load and counts the upstream calls it caused (sandbox log): a cross-check of the single
 * page view count. Approximate: requests in flight when the run stops may or may not reach upstream.
 */
async function countingUpstream(log, load) {
  const mark = await log.mark();
  const run = await load();
  await sleep(1000);
  const calls = await log.since(mark);
  run.upstreamCalls = { GET: calls.filter((r) => r.method === 'GET').length, other: calls.filter((r) => r.method !== 'GET').length, non200: calls.filter((r) => r.status !== 200).length };
  const views = run.sent || run.requests;
  run.upstreamGetsPerView = views ? Number((run.upstreamCalls.GET / views).toFixed(2)) : null;
  return run;
}

async function expectPage(url, headers, { status = 200, contains } = {}) {
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== status || (contains && !body.includes(contains))) {
    const where = response.headers.get('location');
    throw new Error(`${new URL(url).pathname} answered ${response.status}${where ? ` → ${where}` : ''}, expected ${status}${contains ? ` with "${contains}"` : ''}`);
  }
  return body;
}

// ---- the run ----------------------------------------------------------------------------------
let servers = null;
let fatal = null;
try {
  await ensureInstalled();
  checkpoint();
  const chromiumPath = await ensureChromium();
  const env = benchEnv({ latencyMs: options.latency });
  await checkPortsFree(env.ports);

  result.build = await ensureBenchBuilt(env.app, { force: options.rebuild });
  checkpoint();

  step(`Starting the sandbox (:${env.ports.sandbox}, +${options.latency} ms per API call) and the app (:${env.ports.app}, next start)`);
  wipeDataDirs(BENCH_DATA_DIRS);
  servers = await startServers(env);
  const server = nextServerPid(servers.app.pid);
  note(`app process: pid ${server.pid} (${server.comm})`);
  checkpoint();

  const log = sandboxLog(env.sandboxUrl, env.apiKey);
  const token = await customerToken(env);
  const upstreamUrl = `${env.sandboxUrl}/v2/customers/${TOM.id}/profile`;
  const upstreamHeaders = { authorization: `Bearer ${token}`, 'x-api-key': env.apiKey, 'accept-language': env.marketLocale };
  await expectPage(upstreamUrl, upstreamHeaders, { contains: TOM.email });

  step(`Signing in as ${TOM.email} (Chromium: ${chromiumPath})`);
  browser = await openBrowser(chromiumPath);
  const signedIn = await signIn(browser, { appUrl: env.appUrl, sandboxUrl: env.sandboxUrl, email: TOM.email, password: TOM.password });
  const appHeaders = { cookie: signedIn.cookieHeader };
  await expectPage(`${env.appUrl}/account`, appHeaders, { contains: TOM.lastName });
  const baselineOk = await measure('/bench-baseline', () => expectPage(`${env.appUrl}/bench-baseline`, {}, { contains: 'Bench baseline' }));
  checkpoint();

  step('Upstream calls per page view and per save (sandbox request log)');
  const upstreamCalls = {};
  await measure('calls per page view', async () => {
    const since = await log.mark();
    await expectPage(`${env.appUrl}/account`, appHeaders, { contains: TOM.lastName });
    await sleep(300);
    upstreamCalls.pageView = countCalls(await log.since(since));
  });
  if (baselineOk) {
    await measure('calls per baseline view', async () => {
      const since = await log.mark();
      await expectPage(`${env.appUrl}/bench-baseline`, appHeaders, { contains: 'Bench baseline' });
      await sleep(300);
      upstreamCalls.baselineViewSignedIn = countCalls(await log.since(since));
    });
  }
  await measure('calls per save', async () => {
    await signedIn.page.goto(`${env.appUrl}/account`);
    await signedIn.page.getByRole('heading', { level: 1 }).first().waitFor();
    await sleep(500); // hydration, and any request the page load started
    const since = await log.mark();
    const save = await saveOnce(signedIn.page);
    await sleep(500);
    upstreamCalls.save = { ...countCalls(await log.since(since)), ms: save.ms };
  });
  result.upstreamCalls = upstreamCalls;
  for (const [what, c] of Object.entries(upstreamCalls)) note(`${what}: ${c.GET} GET, ${c.PATCH} PATCH  (${c.calls.join(', ')})`);
  await browser.close();
  browser = null;
  checkpoint();

  step(`Load: ${options.users.join(', ')} users, ${options.seconds} s per run (upstream alone, /account${baselineOk ? ', /bench-baseline' : ''})`);
  const idle = rssMiB(server.pid);
  const warm = { connections: Math.min(10, Math.max(...options.users)), seconds: Math.min(2, options.seconds) };
  await runLoad({ url: upstreamUrl, headers: upstreamHeaders, ...warm });
  await runLoad({ url: `${env.appUrl}/account`, headers: appHeaders, ...warm });
  if (baselineOk) await runLoad({ url: `${env.appUrl}/bench-baseline`, ...warm });
  const heaviest = Math.max(...options.users);
  let memory = null;
  for (const connections of options.users) {
    checkpoint();
    const upstream = await runLoad({ url: upstreamUrl, headers: upstreamHeaders, connections, seconds: options.seconds });
    checkpoint();
    const sampler = connections === heaviest ? sampleRss(server.pid) : null;
    const app = await countingUpstream(log, () => runLoad({ url: `${env.appUrl}/account`, headers: appHeaders, connections, seconds: options.seconds }));
    if (sampler) {
      const peak = sampler.stop();
      await sleep(AFTER_LOAD_SECONDS * 1000);
      memory = {
        pid: server.pid,
        process: server.comm,
        idleMiB: round1(idle),
        peakMiB: round1(peak.peak),
        afterMiB: round1(rssMiB(server.pid)),
        afterSeconds: AFTER_LOAD_SECONDS,
        underConnections: connections,
        samples: peak.samples,
      };
    }
    checkpoint();
    // Signed out: Next's own floor for a dynamic page of this app (layout, proxy, no session, no upstream).
    const baseline = baselineOk ? await countingUpstream(log, () => runLoad({ url: `${env.appUrl}/bench-baseline`, connections, seconds: options.seconds })) : null;
    if (app.ok === 0) result.failures.push({ step: `/account at ${connections} users`, message: `no 200 answer (statuses ${JSON.stringify(app.status)}): signed out?` });
    if (upstream.ok === 0) result.failures.push({ step: `upstream at ${connections} users`, message: `no 200 answer (statuses ${JSON.stringify(upstream.status)})` });
    const row = {
      connections,
      app,
      upstream,
      added: {
        median: app.median === null || upstream.median === null ? null : round1(app.median - upstream.median),
        p95: app.p95 === null || upstream.p95 === null ? null : round1(app.p95 - upstream.p95),
      },
    };
    result.latency.push(row);
    note(`${connections} users: /account median ${app.median} ms, p95 ${app.p95} ms, ${app.rps} req/s | upstream median ${upstream.median} ms, p95 ${upstream.p95} ms${baseline ? ` | baseline ${baseline.rps} req/s` : ''}`);
    if (baseline) {
      result.throughput.push({
        connections,
        account: app.rps,
        baseline: baseline.rps,
        ratio: baseline.rps > 0 ? Number((app.rps / baseline.rps).toFixed(3)) : null,
        baselineMedian: baseline.median,
        baselineP95: baseline.p95,
        baselineStatus: baseline.status,
        baselineUpstreamGetsPerView: baseline.upstreamGetsPerView,
      });
    }
  }
  result.memory = memory;

  step('Client JavaScript of /account');
  result.clientJs = await measure('client JS', async () => {
    const account = await clientJs(env.appUrl, '/account', appHeaders);
    const baseline = baselineOk ? await clientJs(env.appUrl, '/bench-baseline', appHeaders) : null;
    return { ...account, baseline: baseline && { ...baseline, list: undefined, nomodule: undefined }, pageOwn: baseline && beyond(account, baseline) };
  });
  if (result.clientJs) note(`${result.clientJs.files} files, ${(result.clientJs.gzipBytes / 1024).toFixed(1)} KiB gzipped`);

  if (options.lighthouse) {
    step('Lighthouse on /account (signed in)');
    result.lighthouse = await measure('Lighthouse', () =>
      runLighthouse({ url: `${env.appUrl}/account`, chromiumPath, headers: { Cookie: signedIn.cookieHeader } }),
    );
  }
} catch (error) {
  fatal = error;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (servers) {
    step('Stopping the servers');
    await stopServers(servers.services);
  }
}

result.totalSeconds = Math.round((Date.now() - started) / 1000);
if (fatal && (fatal.stopped || receivedSignal())) {
  console.error(red(`\n✖ Stopped: ${stopReason ?? fatal.message}. Nothing written.`));
  process.exit(130);
}
if (fatal) result.failures.push({ step: 'run', message: fatal.message });

const dir = path.join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${result.startedAt.replace(/[:.]/g, '-')}.json`);
const json = `${JSON.stringify(result, null, 2)}\n`;
writeFileSync(file, json);
writeFileSync(path.join(dir, 'latest.json'), json);

console.log(`\n${formatReport(result)}`);
console.log(`\nResults: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
if (fatal) {
  console.error(red(`\n✖ The bench stopped early: ${fatal.message}`));
  process.exit(1);
}
if (result.failures.length) process.exit(1);
console.log(green('✔ Done'));
