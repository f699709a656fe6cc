import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';

/**
 * Limits on what one account or one address may do in a short time. In memory, per process:
 * enough for one instance; several instances would use rate-limiter-flexible's shared stores.
 */
type Limits = Record<'saveByAccount' | 'saveByAddress' | 'signInByAddress', RateLimiterMemory>;
let limiters: Limits | undefined;

function getLimiters(): Limits {
  if (limiters) return limiters;
  const perMinute = getConfig().SAVE_RATE_LIMIT_PER_MINUTE;
  limiters = {
    // A person saves a few times a minute at most; scripts and stuck buttons do more.
    saveByAccount: new RateLimiterMemory({ keyPrefix: 'save-account', points: perMinute, duration: 60 }),
    saveByAddress: new RateLimiterMemory({ keyPrefix: 'save-address', points: perMinute * 4, duration: 60 }),
    signInByAddress: new RateLimiterMemory({ keyPrefix: 'signin-address', points: 60, duration: 60 }),
  };
  return limiters;
}

export type RateLimitName = keyof Limits;

/** `null` when allowed, else how many seconds to wait. */
export async function takeRateLimit(name: RateLimitName, key: string): Promise<number | null> {
  try {
    await getLimiters()[name].consume(key);
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
