/**
 * Structured logs: one JSON line per event on stdout. Callers pass only safe fields (method,
 * path without query, status, duration): never tokens, API keys, passwords or request bodies.
 */
export function logEvent(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}
