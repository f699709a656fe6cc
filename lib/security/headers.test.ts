import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './headers';

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ nonce: 'abc123', formTargets: ['https://accounts.clubmed.com'], dev: false });

  it('allows scripts only with the request nonce: no unsafe-inline, no unsafe-eval', () => {
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
  });

  it('forbids framing and lets forms post only to the app and the identity providers', () => {
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`form-action 'self' https://accounts.clubmed.com`);
    expect(csp).toContain(`object-src 'none'`);
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only over HTTPS', () => {
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(securityHeaders({ https: false })['X-Content-Type-Options']).toBe('nosniff');
  });
});
