import { type NextRequest } from 'next/server';
import { signIn } from '@/lib/auth/auth';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { CUSTOMER_PROVIDER_ID, STAFF_PROVIDER_ID } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config';
import { clientAddress, takeRateLimit } from '@/lib/rate-limit';

/**
 * Starts the OpenID Connect flow with the right issuer (customers or staff). A route handler, not a
 * page, because starting the flow writes the PKCE and state cookies.
 */
export async function GET(request: NextRequest) {
  // A prefetch must never start a sign-in: it would overwrite the state/PKCE cookies of a real one.
  if (request.headers.has('next-router-prefetch') || /prefetch/i.test(request.headers.get('sec-purpose') ?? request.headers.get('purpose') ?? '')) {
    return new Response(null, { status: 204 });
  }
  const waitSeconds = await takeRateLimit('signInByAddress', clientAddress(request.headers));
  if (waitSeconds !== null) {
    return new Response(`Too many sign-in attempts from this address. Wait ${waitSeconds} seconds, then try again.`, {
      status: 429,
      headers: { 'retry-after': String(waitSeconds), 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const role = request.nextUrl.searchParams.get('role') === 'staff' ? 'staff' : 'customer';
  const fallback = role === 'staff' ? '/staff' : '/account';
  const redirectTo = safeCallbackPath(request.nextUrl.searchParams.get('callbackUrl'), getConfig().APP_URL, fallback);
  await signIn(role === 'staff' ? STAFF_PROVIDER_ID : CUSTOMER_PROVIDER_ID, { redirectTo });
}
