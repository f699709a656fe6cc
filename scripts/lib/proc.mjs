// Child processes for the developer scripts. A child runs in its own process group, so one signal
// reaches it and everything it started (tsx's node, next's workers, vitest's pool) and nothing else:
// Ctrl-C and SIGTERM reach this process, which forwards them, then kills whatever is left 10 s later.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { ROOT } from './paths.mjs';

const running = new Set();
let received = null;
let receivedAt = 0;
const KILL_AFTER_MS = 10_000;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
export const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = (text) => paint('1', text);
export const red = (text) => paint('31', text);
export const green = (text) => paint('32', text);
export const dim = (text) => paint('2', text);

/** The signal (SIGINT/SIGTERM) this process was asked to stop with, or null. */
export const receivedSignal = () => received;

function signalGroup(child, signal) {
  try {
    if (child.detachedGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (received) {
      // Asked again: stop waiting for a graceful exit. Not within the first second, though:
      // under `npm start`, one Ctrl-C arrives twice (from the terminal, and forwarded by npm).
      if (Date.now() - receivedAt > 1000) for (const child of running) signalGroup(child, 'SIGKILL');
      return;
    }
    received = signal;
    receivedAt = Date.now();
    for (const child of running) signalGroup(child, signal);
    setTimeout(() => {
      for (const child of running) signalGroup(child, 'SIGKILL');
    }, KILL_AFTER_MS).unref();
    if (running.size === 0) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}
process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/** Exit code for a child that ended with (code, signal), shell-style. */
export function exitCodeOf({ code, signal }) {
  if (code !== null) return code;
  const numbers = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return 128 + (numbers[signal] ?? 1);
}

/**
 * Start `command args`, by default in its own process group (`group: false` keeps it in ours, for
 * when whoever started us signals our whole group). stdio 'inherit' passes output straight through;
 * 'pipe' hands it line by line to `onLine`. `exited` resolves with { code, signal }.
 */
export function launch(command, args, { env = process.env, stdio = 'inherit', onLine, group = true } = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: group,
    stdio: ['ignore', stdio, stdio],
  });
  child.detachedGroup = group;
  running.add(child);
  if (stdio === 'pipe') {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        lines.forEach((line) => onLine?.(line));
      });
      stream.on('end', () => partial && onLine?.(partial));
    }
  }
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      running.delete(child);
      console.error(red(`Could not run ${command}: ${error.message}`));
      resolve({ code: 127, signal: null });
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  /** Ask the process group to stop; kill it if it is still there after KILL_AFTER_MS. */
  const stop = (signal = 'SIGTERM') => {
    signalGroup(child, signal);
    setTimeout(() => running.has(child) && signalGroup(child, 'SIGKILL'), KILL_AFTER_MS).unref();
  };
  return { child, exited, stop };
}

/** Run to completion with output passed through; resolves to the exit code. */
export async function run(command, args, options) {
  return exitCodeOf(await launch(command, args, options).exited);
}

/** Whether something already listens on localhost:port (IPv4 or IPv6). */
export function isPortInUse(port) {
  const probe = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('timeout', () => (socket.destroy(), resolve(false)));
      socket.on('error', () => resolve(false));
    });
  return Promise.all([probe('127.0.0.1'), probe('::1')]).then((results) => results.some(Boolean));
}

/**
 * Poll `url` until it gives any HTTP answer; resolves to its status. Rejects after `timeoutMs`, or
 * as soon as `exited` (the server's `launch(...).exited`) settles, with `error.exited` set.
 */
export async function waitForHttp(url, { timeoutMs = 120_000, exited } = {}) {
  let stop = false;
  const deadline = Date.now() + timeoutMs;
  const poll = (async () => {
    while (!stop) {
      try {
        const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
        await response.body?.cancel();
        return response.status;
      } catch {
        if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  })();
  try {
    const died = (exited ?? new Promise(() => {})).then((result) => {
      throw Object.assign(new Error(`exited before ${url} answered`), { exited: result });
    });
    return await Promise.race([poll, died]);
  } finally {
    stop = true;
  }
}
