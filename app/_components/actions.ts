'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/auth';
import { discover, issuerFor } from '@/lib/auth/oidc-endpoints';
import { getSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';

/**
 * Ends the app session, then the provider's (RP-initiated logout). `client_id` identifies us instead
 * of `id_token_hint`, so no token ever travels through the browser.
 */
export async function signOutAction(): Promise<void> {
  const session = await getSession();
  await signOut({ redirect: false });
  if (!session) redirect('/signed-out');
  const { issuer, clientId } = issuerFor(session.role);
  let endSessionUrl: string | undefined;
  try {
    endSessionUrl = (await discover(issuer)).end_session_endpoint;
  } catch {
    log.warn('auth.end_session_unavailable', { role: session.role });
  }
  if (!endSessionUrl) redirect('/signed-out');
  const url = new URL(endSessionUrl);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('post_logout_redirect_uri', `${getConfig().APP_URL}/signed-out`);
  redirect(url.toString());
}
