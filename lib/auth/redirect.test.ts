import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './redirect';

const APP = 'http://localhost:3000';
const judge = (raw: string | null | undefined) => safeCallbackPath(raw, APP, '/fallback');

/** Where a browser really ends up when it follows the returned value from an app page. */
const landing = (raw: string) => new URL(judge(raw), `${APP}/signin`);

describe('safeCallbackPath', () => {
  it('falls back when there is no value', () => {
    expect(judge(null)).toBe('/fallback');
    expect(judge(undefined)).toBe('/fallback');
    expect(judge('')).toBe('/fallback');
    expect(judge('   ')).toBe('/fallback');
    expect(safeCallbackPath(null, APP)).toBe('/');
  });

  it('keeps paths of the app, with their query and fragment', () => {
    expect(judge('/account')).toBe('/account');
    expect(judge('  /account\n')).toBe('/account');
    expect(judge('/staff/customers/123456789')).toBe('/staff/customers/123456789');
    expect(judge('/staff/audit?customerId=123456789#top')).toBe('/staff/audit?customerId=123456789#top');
    expect(judge('/')).toBe('/');
  });

  it('turns absolute URLs of the app itself into paths', () => {
    expect(judge(`${APP}/account`)).toBe('/account');
    expect(judge(`${APP}/staff?q=smith`)).toBe('/staff?q=smith');
    expect(judge(APP)).toBe('/');
  });

  it('keeps an encoded query as it was: decoding would change what it means', () => {
    // A staff search for `jean+fidelite@example.fr` must not come back as a search for "jean fidelite@…".
    const plus = new URL(judge('/staff?q=jean%2Bfidelite%40example.fr'), APP);
    expect(plus.pathname).toBe('/staff');
    expect(plus.searchParams.get('q')).toBe('jean+fidelite@example.fr');
    const ampersand = new URL(judge('/staff?q=a%26b%3Dc'), APP);
    expect([...ampersand.searchParams]).toEqual([['q', 'a&b=c']]);
    const hash = new URL(judge('/staff?q=%23x'), APP);
    expect(hash.searchParams.get('q')).toBe('#x');
    expect(hash.hash).toBe('');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/account'],
    ['three slashes', '///evil.example'],
    ['absolute https', 'https://evil.example'],
    ['absolute http', 'http://evil.example/account'],
    ['backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['slash and backslash', '\\/evil.example'],
    ['encoded slashes', '%2F%2Fevil.example'],
    ['encoded slashes, lower case', '%2f%2fevil.example'],
    ['double-encoded slashes', '%252F%252Fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['scheme with encoded slashes', 'https:%2F%2Fevil.example'],
    ['scheme without slashes', 'https:evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case and spaces', '  JaVaScRiPt:alert(1)'],
    ['encoded javascript', 'javascript%3Aalert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['credentials trick', `${APP}@evil.example/`],
    ['other port', 'http://localhost:3001/account'],
    ['other scheme', 'https://localhost:3000/account'],
    ['tab inside the slashes', '/\t/evil.example'],
    ['newline inside the slashes', '/\n/evil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['relative path', 'account'],
    ['malformed encoding', '/account%'],
    ['garbage', '%%%'],
    ['dot segment making a protocol-relative path', '/.//evil.example'],
    ['parent segment making a protocol-relative path', '/..//evil.example'],
    ['nested dot segments', '/a/..//evil.example'],
    ['encoded dot segment', '/%2e//evil.example'],
    ['same-origin URL with a protocol-relative path', `${APP}//evil.example`],
    ['same-origin URL with a dot segment', `${APP}/.//evil.example`],
  ])('refuses %s (%j)', (_, raw) => {
    expect(judge(raw)).toBe('/fallback');
  });

  it('never returns anything a browser would take off the app origin', () => {
    const tricks = [
      '//evil.example', '/\\evil.example', '/.//evil.example', '/%2F%2Fevil.example', '/%5C%5Cevil.example',
      'https:%2F%2Fevil.example', '%2F%2Fevil.example', '/account/..//evil.example', '/account/%2e%2e//evil.example',
    ];
    for (const raw of tricks) {
      const result = judge(raw);
      expect(result, raw).toMatch(/^\/(?![/\\])/);
      expect(landing(raw).origin, raw).toBe(APP);
    }
  });
});
