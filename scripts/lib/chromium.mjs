// Playwright cannot download its own browsers here: the e2e tests drive Debian's Chromium.
// CHROMIUM_PATH overrides the default /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { bold, red, run } from './proc.mjs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Path of a Chromium binary; installs Debian's package when missing and running as root. */
export async function ensureChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no such file.`);
  }
  if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;

  if (process.getuid?.() !== 0) {
    console.error(
      red(`Chromium is needed for the browser tests and ${DEFAULT_CHROMIUM} is missing.`) +
        '\nInstall it:   sudo apt-get install chromium' +
        '\nor point at another Chromium:   CHROMIUM_PATH=/path/to/chromium npm test',
    );
    throw new Error('Chromium is missing');
  }
  console.log(bold(`\n▶ ${DEFAULT_CHROMIUM} is missing; installing Debian's chromium package`));
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const code = await run('apt-get', args, { env: aptEnv });
    if (code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit code ${code})`);
  }
  if (!existsSync(DEFAULT_CHROMIUM)) throw new Error(`apt-get installed chromium, yet ${DEFAULT_CHROMIUM} is missing`);
  return DEFAULT_CHROMIUM;
}
