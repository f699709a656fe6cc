import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { signInPathFor } from '@/lib/auth/paths';
import { needsRefresh, refreshSessionToken } from '@/lib/auth/refresh';
import { SESSION_MAX_AGE_SECONDS, encodeSessionToken, readSessionToken, sessionCookieName } from '@/lib/auth/session-cookie';
import { contentSecurityPolicy, originOf, securityHeaders } from '@/lib/security/headers';

/**
 * The request gate (Next 16 calls middleware `proxy`). For every page it sets the security headers
 * (CSP with a fresh nonce). For private areas it sends signed-out visitors to sign-in and refreshes
 * expiring access tokens, because here the rotated refresh token can be written back to the cookie
 * (a server-component render cannot write cookies). Pages and actions still check session and role.
 */
export async function proxy(request: NextRequest) {
  const config = getConfig();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    formTargets: [...new Set([config.CUSTOMER_ISSUER, config.STAFF_ISSUER].map(originOf).filter((o): o is string => !!o))],
    dev: process.env.NODE_ENV === 'development',
  });
  request.headers.set('content-security-policy', csp);

  const response = await gate(request, config);
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ https: config.APP_URL.startsWith('https://') }))) {
    response.headers.set(name, value);
  }
  return response;
}

function isPrivate(pathname: string): boolean {
  return /^\/(account|staff)(\/|$)/.test(pathname);
}

async function gate(request: NextRequest, config: ReturnType<typeof getConfig>): Promise<NextResponse> {
  const forward = () => NextResponse.next({ request: { headers: request.headers } });
  if (!isPrivate(request.nextUrl.pathname)) return forward();

  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  const area = request.nextUrl.pathname.startsWith('/staff') ? 'staff' : 'customer';
  const signIn = () => NextResponse.redirect(new URL(signInPathFor(area, `${request.nextUrl.pathname}${request.nextUrl.search}`), request.url));
  const token = await readSessionToken(request.headers, config.AUTH_SECRET, config.APP_URL);

  // A server action without a session is answered by the action itself ("signed out", draft kept).
  if (!token?.accessToken) return isNavigation ? signIn() : forward();
  if (!needsRefresh(token)) return forward();

  const cookieName = sessionCookieName(config.APP_URL);
  try {
    const refreshed = await refreshSessionToken(token);
    const value = await encodeSessionToken(refreshed, config.AUTH_SECRET, config.APP_URL);
    // The render of this very request must see the new token too: rewrite the request's cookie.
    request.cookies.set(cookieName, value);
    const response = forward();
    response.cookies.set(cookieName, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.APP_URL.startsWith('https://'),
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    return response;
  } catch {
    // The session cannot be renewed: it is over. Pages go to sign-in; actions see "signed out".
    request.cookies.delete(cookieName);
    const response = isNavigation ? signIn() : forward();
    response.cookies.delete(cookieName);
    return response;
  }
}

export const config = {
  // Every page and action; not Next's static files or the auth API (next-auth answers those).
  matcher: ['/((?!_next/static|_next/image|api/auth|icon.svg|favicon.ico).*)'],
};
