// Lighthouse (the npm package's CLI) on a signed-in page, in Debian's Chromium. The session cookie
// goes in through --extra-headers as a file (not on the command line); the full report, which
// repeats those headers in its settings, is read in a temporary folder and deleted: only the
// scores and a few metrics are kept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin } from '../lib/paths.mjs';
import { exitCodeOf, launch } from '../lib/proc.mjs';
import { CHROMIUM_FLAGS } from './browser.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

export async function runLighthouse({ url, chromiumPath, headers, timeoutMs = 150_000 }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
  try {
    const headersFile = path.join(dir, 'headers.json');
    writeFileSync(headersFile, JSON.stringify(headers), { mode: 0o600 });
    const output = path.join(dir, 'report.json');
    const lines = [];
    const child = launch(
      bin('lighthouse'),
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--extra-headers=${headersFile}`,
        `--chrome-flags=--headless ${CHROMIUM_FLAGS.join(' ')}`,
        '--max-wait-for-load=30000',
      ],
      {
        env: { ...process.env, CHROME_PATH: chromiumPath },
        stdio: 'pipe',
        onLine: (line) => lines.push(line) > 40 && lines.shift(),
      },
    );
    const timer = setTimeout(() => child.stop('SIGKILL'), timeoutMs);
    const code = exitCodeOf(await child.exited);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`lighthouse exited with ${code}:\n    ${lines.slice(-15).join('\n    ')}`);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
    const finalUrl = new URL(report.finalDisplayedUrl ?? report.finalUrl ?? url);
    if (finalUrl.pathname !== new URL(url).pathname) throw new Error(`lighthouse ended on ${finalUrl.pathname}, not ${new URL(url).pathname} (signed out?)`);
    const score = (id) => (report.categories[id]?.score == null ? null : Math.round(report.categories[id].score * 100));
    const metrics = {};
    for (const id of METRICS) {
      const audit = report.audits[id];
      if (audit) metrics[id] = { value: audit.numericValue == null ? null : Number(audit.numericValue.toFixed(3)), display: audit.displayValue ?? null };
    }
    const failing = [];
    for (const id of CATEGORIES) {
      for (const ref of report.categories[id]?.auditRefs ?? []) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) failing.push({ category: id, audit: ref.id, score: audit.score, title: audit.title });
      }
    }
    return {
      lighthouseVersion: report.lighthouseVersion,
      userAgent: report.environment?.hostUserAgent,
      formFactor: report.configSettings?.formFactor,
      throttling: report.configSettings?.throttlingMethod,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics,
      belowNinety: failing,
      warnings: report.runWarnings ?? [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
