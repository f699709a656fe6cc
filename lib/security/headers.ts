/**
 * Security headers for every page. The Content-Security-Policy carries a per-request nonce: Next
 * reads it from the request's CSP header and puts it on its own scripts, so no inline script
 * runs without it.
 */
export function contentSecurityPolicy(options: { nonce: string; formTargets: string[]; dev: boolean }): string {
  const scriptSrc = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(' ')}`,
    // React sets style attributes; styles cannot run code, so inline styles stay allowed.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    // Sign-in and sign-out forms end in redirects to the identity providers.
    `form-action 'self' ${options.formTargets.join(' ')}`.trim(),
    `frame-ancestors 'none'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
