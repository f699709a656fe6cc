import { beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, takeRateLimit } from './rate-limit';

describe('takeRateLimit', () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123';
    delete process.env.SAVE_RATE_LIMIT_PER_MINUTE; // the default applies
  });

  it('allows 30 saves a minute per account, then says how long to wait', async () => {
    for (let i = 0; i < 30; i++) expect(await takeRateLimit('saveByAccount', 'customer-rl-1')).toBeNull();
    const wait = await takeRateLimit('saveByAccount', 'customer-rl-1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await takeRateLimit('saveByAccount', 'customer-rl-2')).toBeNull();
  });
});

describe('clientAddress', () => {
  it('takes the first forwarded address, else a shared bucket', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
