/**
 * Identical work already in progress is joined, not repeated: a double-submitted save (F2) sends
 * one PATCH. Only concurrent calls share; once settled, the next call runs again.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function singleFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  const existing = inFlight.get(key);
  if (existing) return existing as Promise<T>;
  const promise = run().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
