// Fixed-duration closed-loop load with autocannon: `connections` clients, each sending its next
// request as soon as the previous answer arrived. Every response time is kept (bounded) so the
// median and p95 are exact, not autocannon's histogram buckets (which have no p95).
import autocannon from 'autocannon';

const MAX_SAMPLES = 500_000;
const running = new Set();

/** Stop every load in flight (Ctrl-C). */
export function stopAllLoads() {
  for (const instance of running) instance.stop();
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * @returns {Promise<{url, connections, seconds, requests, rps, status: Record<string, number>,
 *   errors, timeouts, median, p95, p99, mean, max}>}
 */
export function runLoad({ url, connections, seconds, headers = {}, expectStatus = 200 }) {
  const target = new URL(url);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)) throw new Error(`refusing to load ${url}: not localhost`);
  const samples = [];
  const status = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers, timeout: 20, excludeErrorStats: false },
      (error, result) => {
        running.delete(instance);
        if (error) return reject(error);
        samples.sort((a, b) => a - b);
        const ok = status[expectStatus] ?? 0;
        const elapsed = result.duration || seconds;
        resolve({
          url: target.pathname,
          connections,
          seconds: Number(elapsed.toFixed(2)),
          requests: Object.values(status).reduce((a, b) => a + b, 0),
          // Sent includes the requests still in flight when the run stopped.
          sent: result.requests?.sent ?? null,
          ok,
          rps: Number((ok / elapsed).toFixed(1)),
          status,
          errors: result.errors,
          timeouts: result.timeouts,
          median: round(percentile(samples, 50)),
          p95: round(percentile(samples, 95)),
          p99: round(percentile(samples, 99)),
          mean: round(samples.reduce((a, b) => a + b, 0) / (samples.length || 1)),
          max: round(samples.at(-1) ?? null),
        });
      },
    );
    running.add(instance);
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      status[statusCode] = (status[statusCode] ?? 0) + 1;
      // Only answers with the expected status count as timings (a redirect to sign-in is fast).
      if (statusCode === expectStatus && samples.length < MAX_SAMPLES) samples.push(responseTime);
    });
  });
}

const round = (v) => (v === null || Number.isNaN(v) ? null : Number(v.toFixed(1)));
