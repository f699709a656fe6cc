import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Limits on what one account or one address may do in a short time. In memory, per process:
 * enough for one instance; several instances would use rate-limiter-flexible's shared stores.
 */
const limiters = {
  // A person saves a few times a minute at most; scripts and stuck buttons do more.
  saveByAccount: new RateLimiterMemory({ keyPrefix: 'save-account', points: 30, duration: 60 }),
  saveByAddress: new RateLimiterMemory({ keyPrefix: 'save-address', points: 120, duration: 60 }),
  signInByAddress: new RateLimiterMemory({ keyPrefix: 'signin-address', points: 60, duration: 60 }),
};

export type RateLimitName = keyof typeof limiters;

/** `null` when allowed, else how many seconds to wait. */
export async function takeRateLimit(name: RateLimitName, key: string): Promise<number | null> {
  try {
    await limiters[name].consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/** The caller's address as the reverse proxy reports it (first hop), or a shared bucket. */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown';
}
