// The printed table. Everything printed is also in the JSON file.
const pad = (value, width, right = true) => {
  const text = value === null || value === undefined ? '–' : String(value);
  return right ? text.padStart(width) : text.padEnd(width);
};

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '–').length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (v) => (v === null || v === undefined ? null : v.toFixed(1));
const signed = (v) => (v === null || v === undefined ? null : `${v >= 0 ? '+' : ''}${v.toFixed(1)}`);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatReport(r) {
  const out = [];
  const m = r.machine;
  out.push(`Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, load average ${m.loadAverageAtStart.join(' ')} at start; Node ${m.node}, ${m.platform}`);
  out.push(`Sandbox added latency: ${r.config.sandboxLatencyMs} ms per customer-API call; ${r.config.seconds} s per run; production build in ${r.config.distDir}`);
  out.push('');

  if (r.latency.length) {
    out.push('Server time of /account vs the upstream GET alone (ms; added = app − upstream)');
    out.push(table(
      ['users', 'app median', 'app p95', 'upstream median', 'upstream p95', 'added median', 'added p95', 'app req/s', 'app non-200', 'upstream GET/view'],
      r.latency.map((row) => [
        row.connections, ms(row.app.median), ms(row.app.p95), ms(row.upstream.median), ms(row.upstream.p95),
        signed(row.added.median), signed(row.added.p95), row.app.rps, row.app.requests - row.app.ok + (row.app.errors ?? 0),
        row.app.upstreamGetsPerView,
      ]),
    ));
    out.push('');
  }
  if (r.throughput.length) {
    out.push('Throughput (requests/s answered 200; /account signed in, /bench-baseline signed out: a minimal dynamic page, same server)');
    out.push(table(
      ['users', '/account', '/bench-baseline', 'ratio', 'baseline median ms', 'baseline p95 ms', 'baseline upstream GET/view'],
      r.throughput.map((row) => [row.connections, row.account, row.baseline, row.ratio === null ? null : row.ratio.toFixed(2), ms(row.baselineMedian), ms(row.baselineP95), row.baselineUpstreamGetsPerView]),
    ));
    out.push('');
  }
  const rows = [];
  const u = r.upstreamCalls;
  if (u?.pageView) rows.push(['upstream calls per page view', `${u.pageView.GET} GET, ${u.pageView.PATCH} PATCH`]);
  if (u?.baselineViewSignedIn) rows.push(['upstream calls per signed-in /bench-baseline view', `${u.baselineViewSignedIn.GET} GET (a page that shows no profile)`]);
  if (u?.save) rows.push(['upstream calls per save', `${u.save.GET} GET, ${u.save.PATCH} PATCH (budget: GET + PATCH + re-render GET)`]);
  if (r.clientJs) {
    const c = r.clientJs;
    rows.push(['client JS of /account', `${kib(c.gzipBytes)} gzipped (${kib(c.bytes)} raw, ${c.files} files)`]);
    if (c.pageOwn) rows.push(['  of which beyond /bench-baseline', `${kib(c.pageOwn.gzipBytes)} gzipped (${c.pageOwn.files} files; the baseline page ships ${kib(c.baseline.gzipBytes)})`]);
    if (c.nomodule?.files) rows.push(['  not counted: nomodule polyfills', `${kib(c.nomodule.gzipBytes)} gzipped (modern browsers skip them)`]);
  }
  if (r.memory) {
    rows.push(['app RSS (next-server)', `idle ${r.memory.idleMiB} MiB, peak ${r.memory.peakMiB} MiB under ${r.memory.underConnections} users, ${r.memory.afterMiB} MiB ${r.memory.afterSeconds} s after`]);
  }
  if (r.lighthouse) {
    const l = r.lighthouse;
    rows.push(['Lighthouse /account (signed in)', `performance ${l.performance}, accessibility ${l.accessibility}, best practices ${l.bestPractices} (${l.formFactor}, ${l.throttling} throttling, LH ${l.lighthouseVersion})`]);
  }
  if (rows.length) {
    const width = Math.max(...rows.map(([k]) => k.length));
    out.push(...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`));
  }
  if (r.failures.length) {
    out.push('', 'Not measured:');
    for (const f of r.failures) out.push(`  ✖ ${f.step}: ${f.message.split('\n')[0]}`);
  }
  const build = !r.build ? '' : r.build.built ? ` (of which next build ${r.build.seconds.toFixed(0)} s)` : ' (the last bench build was reused)';
  out.push('', `Took ${r.totalSeconds} s${build}.`);
  return out.join('\n');
}
