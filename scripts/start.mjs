// `npm start` / `npm run dev`: install what is missing, build, then run the sandbox and the app
// together until Ctrl-C, or until either of them dies.
//   --dev     next dev instead of next build + next start
//   --reset   reset the sandbox's data (npm run sandbox:reset) before starting
import { ensureInstalled } from './lib/install.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { buildEnv, DEMO_ACCOUNTS } from './lib/env.mjs';
import { bin } from './lib/paths.mjs';
import {
  bold, dim, exitCodeOf, green, isPortInUse, launch, paint, receivedSignal, red, run, waitForHttp,
} from './lib/proc.mjs';

const LAST_LINES = 30;
const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const reset = args.has('--reset');
for (const arg of args) {
  if (!['--dev', '--reset'].includes(arg)) fail(`Unknown option ${arg} (options: --dev, --reset)`);
}

function fail(message, code = 1) {
  if (receivedSignal()) process.exit(0); // stopped on request: whatever failed was interrupted
  console.error(red(`\n✖ ${message}`));
  process.exit(code);
}

/** A long-running child whose output is prefixed with its name, keeping its last lines. */
function service(name, colorCode, command, commandArgs, env) {
  const lines = [];
  const prefix = paint(colorCode, `[${name}]`.padEnd(10));
  const handle = launch(command, commandArgs, {
    env,
    stdio: 'pipe',
    onLine: (line) => {
      lines.push(line);
      if (lines.length > LAST_LINES) lines.shift();
      console.log(`${prefix}${line}`);
    },
  });
  return { name, ...handle, lines };
}

try {
  await ensureInstalled();
} catch (error) {
  fail(error.message);
}
const env = buildEnv();

const wanted = [['app', env.ports.app]];
if (env.usesSandbox) wanted.push(['sandbox', env.ports.sandbox]);
for (const [name, port] of wanted) {
  if (await isPortInUse(port)) {
    const setting = name === 'app' ? 'PORT' : 'SANDBOX_PORT';
    fail(`Port ${port} (the ${name}) is already in use: is another \`npm start\` running? Stop it, or set ${setting}.`);
  }
}

if (!dev) {
  try {
    await ensureBuilt(env.app);
  } catch (error) {
    fail(error.message);
  }
}
if (reset && env.usesSandbox) {
  console.log(bold('\n▶ Resetting the sandbox data: npm run sandbox:reset'));
  const code = await run('npm', ['run', '--silent', 'sandbox:reset'], { env: env.sandbox });
  if (code !== 0) fail(`npm run sandbox:reset failed (exit code ${code})`, code);
}
if (receivedSignal()) process.exit(0);

console.log(bold(`\n▶ Starting ${env.usesSandbox ? 'the sandbox and ' : ''}the app${dev ? ' (next dev)' : ''}`));
const services = [];
if (env.usesSandbox) services.push(service('sandbox', '36', bin('tsx'), ['sandbox/server.ts'], env.sandbox));
services.push(service('app', '35', bin('next'), [dev ? 'dev' : 'start', '-p', String(env.ports.app)], env.app));

// Either child dying ends the session: stop the other, report, exit with the dead one's code.
const firstExit = Promise.race(services.map((s) => s.exited.then((result) => ({ service: s, result }))));
firstExit.then(async ({ service: dead, result }) => {
  for (const other of services) if (other !== dead) other.stop(receivedSignal() ?? 'SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  if (receivedSignal()) {
    console.log(dim('\nStopped.'));
    process.exit(0);
  }
  const code = exitCodeOf(result);
  const how = result.signal ?? `exit code ${result.code}`;
  console.error(red(`\n✖ The ${dead.name} exited (${how}). Its last lines:`));
  for (const line of dead.lines) console.error(`  ${line}`);
  process.exit(code === 0 ? 1 : code);
});

const ready = services.map(async (s) => {
  const url = env.readiness[s.name];
  const status = await waitForHttp(url, { timeoutMs: dev ? 180_000 : 90_000, exited: s.exited });
  if (status >= 500) console.log(red(`[${s.name}] answers ${status} at ${url}`));
});
Promise.all(ready).then(printBanner, (error) => {
  if (error.exited) return; // the exit handler above reports it
  console.error(red(`\n✖ ${error.message}; stopping.`));
  for (const s of services) s.stop();
});

function printBanner() {
  const banner = [
    '',
    green(bold('✔ Ready')),
    `  App       ${bold(env.appUrl)}${dev ? dim('  (next dev)') : ''}`,
    env.usesSandbox
      ? `  Sandbox   ${env.sandboxUrl}  ${dim('(stands in for Club Med)')}`
      : `  Club Med  ${env.app.CLUBMED_API_BASE_URL}`,
  ];
  if (env.usesSandbox) {
    banner.push('', '  Demo accounts:');
    for (const { role, email, password } of DEMO_ACCOUNTS) {
      banner.push(`    ${role.padEnd(9)} ${email} / ${password}`);
    }
    banner.push(`    staff pages: ${env.appUrl}/staff`);
  }
  banner.push('', dim('  Ctrl-C stops both.'), '');
  console.log(banner.join('\n'));
}
