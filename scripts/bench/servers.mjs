// The sandbox and the app (next start on the bench build), each in its own process group, output
// kept (last lines) but not printed: under load they log a line per request.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT } from '../lib/paths.mjs';
import { launch, waitForHttp, isPortInUse, exitCodeOf } from '../lib/proc.mjs';

const LAST_LINES = 40;

export function startService(name, command, args, env) {
  const lines = [];
  const handle = launch(command, args, {
    env,
    stdio: 'pipe',
    onLine: (line) => {
      lines.push(line);
      if (lines.length > LAST_LINES) lines.shift();
    },
  });
  let exitedWith = null;
  handle.exited.then((result) => (exitedWith = result));
  return {
    name,
    ...handle,
    lines,
    pid: handle.child.pid,
    get alive() { return exitedWith === null; },
    describeExit: () => (exitedWith ? exitedWith.signal ?? `exit code ${exitCodeOf(exitedWith)}` : 'running'),
  };
}

export async function checkPortsFree(ports) {
  for (const [name, port] of Object.entries(ports)) {
    if (await isPortInUse(port)) {
      throw new Error(`Port ${port} (the bench's ${name}) is already in use: is another \`npm run bench\` running?`);
    }
  }
}

/** Fresh data folders each run: the save then always starts from the seeded profile. */
export function wipeDataDirs(dirs) {
  for (const dir of Object.values(dirs)) {
    const full = path.resolve(ROOT, dir);
    if (!full.startsWith(path.join(ROOT, '.data') + path.sep)) throw new Error(`refusing to wipe ${full}`);
    rmSync(full, { recursive: true, force: true });
  }
}

export async function startServers(env) {
  const sandbox = startService('sandbox', bin('tsx'), ['sandbox/server.ts'], env.sandbox);
  const app = startService('app', bin('next'), ['start', '-p', String(env.ports.app)], env.app);
  const services = [sandbox, app];
  try {
    for (const s of services) {
      await waitForHttp(env.readiness[s.name], { timeoutMs: 90_000, exited: s.exited });
    }
  } catch (error) {
    const dead = services.find((s) => !s.alive);
    if (dead) error.message += `\n  the ${dead.name} exited (${dead.describeExit()}); its last lines:\n    ${dead.lines.join('\n    ')}`;
    throw error;
  }
  return { sandbox, app, services };
}

/** Stop every service and wait (bounded) for them to go. */
export async function stopServers(services) {
  for (const s of services) if (s.alive) s.stop('SIGTERM');
  await Promise.race([
    Promise.all(services.map((s) => s.exited)),
    new Promise((resolve) => setTimeout(resolve, 12_000).unref()),
  ]);
}

function readStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { pid, comm, ppid };
  } catch {
    return null;
  }
}

/** `root` and every process under it (one /proc scan). */
export function processTree(root) {
  const all = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) all.push(stat);
  }
  const tree = [];
  const queue = [root];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const self = all.find((p) => p.pid === queue[i]);
    if (self) tree.push(self);
    for (const p of all) if (p.ppid === queue[i]) queue.push(p.pid);
  }
  return tree;
}

/** The process serving HTTP: the one Next titles "next-server (…)", else the launched one. */
export function nextServerPid(launchedPid) {
  const tree = processTree(launchedPid);
  const server = tree.find((p) => p.comm.startsWith('next-server'));
  return { pid: server?.pid ?? launchedPid, comm: server?.comm ?? tree[0]?.comm ?? '?', tree };
}
