import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Failed sign-ins per account and per address, like a real identity provider: after too many in
 * 15 minutes, that account (or address) must wait. Successful sign-ins cost nothing.
 */
const FAILURES_PER_ACCOUNT = 10;
const FAILURES_PER_ADDRESS = 50;
const WINDOW_SECONDS = 15 * 60;

const limiter = new RateLimiterMemory({ keyPrefix: 'signin-failures', points: FAILURES_PER_ADDRESS, duration: WINDOW_SECONDS });

function limitFor(key: string): number {
  return key.includes(':account:') ? FAILURES_PER_ACCOUNT : FAILURES_PER_ADDRESS;
}

export const signInAttempts = {
  /** Seconds to wait before another attempt, or null when allowed. */
  async blockedFor(keys: string[]): Promise<number | null> {
    for (const key of keys) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= limitFor(key)) return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    }
    return null;
  },
  async recordFailure(keys: string[]): Promise<void> {
    // penalty() never rejects: it only counts, and blockedFor() decides with each key's own limit.
    await Promise.all(keys.map((key) => limiter.penalty(key, 1)));
  },
};
