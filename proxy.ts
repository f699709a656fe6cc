import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { needsRefresh, refreshSessionToken } from '@/lib/auth/refresh';
import { SESSION_MAX_AGE_SECONDS, encodeSessionToken, readSessionToken, sessionCookieName } from '@/lib/auth/session-cookie';
import { signInPathFor } from '@/lib/auth/paths';

/**
 * The request gate (Next 16 calls middleware `proxy`). It sends signed-out visitors of private pages
 * to sign-in, and refreshes expiring access tokens here, because this is where the rotated refresh
 * token can be written back to the cookie (a server-component render cannot write cookies).
 * Pages and actions still check the session and role themselves.
 */
export async function proxy(request: NextRequest) {
  const config = getConfig();
  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  const area = request.nextUrl.pathname.startsWith('/staff') ? 'staff' : 'customer';
  const callbackPath = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const token = await readSessionToken(request.headers, config.AUTH_SECRET, config.APP_URL);

  if (!token?.accessToken) {
    // A server action without a session is answered by the action itself ("signed out", draft kept).
    return isNavigation ? NextResponse.redirect(new URL(signInPathFor(area, callbackPath), request.url)) : NextResponse.next();
  }
  if (!needsRefresh(token)) return NextResponse.next();

  const cookieName = sessionCookieName(config.APP_URL);
  const secure = config.APP_URL.startsWith('https://');
  try {
    const refreshed = await refreshSessionToken(token);
    const value = await encodeSessionToken(refreshed, config.AUTH_SECRET, config.APP_URL);
    // The render of this very request must see the new token too: rewrite the request's cookie.
    request.cookies.set(cookieName, value);
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.cookies.set(cookieName, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_MAX_AGE_SECONDS });
    return response;
  } catch {
    // The session cannot be renewed: it is over. Pages go to sign-in; actions see "signed out".
    request.cookies.delete(cookieName);
    const response = isNavigation
      ? NextResponse.redirect(new URL(signInPathFor(area, callbackPath), request.url))
      : NextResponse.next({ request: { headers: request.headers } });
    response.cookies.delete(cookieName);
    return response;
  }
}

export const config = {
  matcher: ['/account/:path*', '/staff/:path*'],
};
