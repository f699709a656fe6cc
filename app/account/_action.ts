'use server';

import { createHash } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/audit-log';
import { getSession } from '@/lib/auth/session';
import { fetchProfile, patchProfile } from '@/lib/clubmed/customers';
import { getConfig } from '@/lib/config';
import { marketLocaleFor } from '@/lib/i18n/locales';
import { log } from '@/lib/log';
import { clientAddress, takeRateLimit } from '@/lib/rate-limit';
import { formValuesFromFormData } from '@/lib/profile/form';
import { saveProfileForm, type SaveState } from '@/lib/profile/save';
import { toEditable } from '@/lib/profile/schema';
import { singleFlight } from '@/lib/single-flight';

function fingerprint(formData: FormData): string {
  const hash = createHash('sha256');
  for (const [name, value] of formData) if (typeof value === 'string') hash.update(`${name}\u0000${value}\u0000`);
  return hash.digest('base64url');
}

/**
 * Saves the signed-in customer's profile. Server actions are public endpoints: the session is
 * checked here, and the customer id comes only from it, never from the form.
 */
export async function saveProfileAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  // Refused before any upstream call; what was typed goes back to the form.
  const refuse = (reason: 'signed_out' | 'forbidden' | 'rate_limited', logReason: string, retryAfterSeconds?: number): SaveState => {
    log.warn('profile.save_refused', { reason: logReason });
    return { status: 'failed', reason, retryAfterSeconds, values: formValuesFromFormData(formData) };
  };
  const session = await getSession();
  if (!session) return refuse('signed_out', 'no_session');
  if (session.role !== 'customer') {
    recordAudit({ staffId: session.staffId, staffName: session.name, customerId: null, action: 'save_profile', outcome: 'refused' });
    return refuse('forbidden', 'staff_session');
  }

  const waitSeconds =
    (await takeRateLimit('saveByAccount', session.customerId)) ?? (await takeRateLimit('saveByAddress', clientAddress(await headers())));
  if (waitSeconds !== null) return refuse('rate_limited', 'rate_limited', waitSeconds);

  const defaultMarket = getConfig().CLUBMED_DEFAULT_MARKET;
  const caller = { accessToken: session.accessToken, marketLocale: defaultMarket };
  // The PATCH speaks the customer's market when the API serves it (the GET just told us which).
  let patchMarket = defaultMarket;
  // The same form sent twice at once (double click, retrying browser) is saved once.
  const state = await singleFlight(`save:${session.customerId}:${fingerprint(formData)}`, () =>
    saveProfileForm(formData, {
      fetchCurrent: async () => {
        const current = await fetchProfile(session.customerId, caller);
        patchMarket = marketLocaleFor(current.locale, defaultMarket);
        return toEditable(current);
      },
      patch: (patch, options) => patchProfile(session.customerId, patch, options, { ...caller, marketLocale: patchMarket }),
      // Numbers are read with the country the page displayed them in: the address's, else the profile's locale.
      marketLocale: session.locale ?? defaultMarket,
      today: new Date().toISOString().slice(0, 10).replaceAll('-', ''),
    }),
  );
  log.info('profile.save', {
    status: state.status,
    reason: state.status === 'failed' ? state.reason : undefined,
    keys: state.status === 'saved' ? state.patchedKeys.join(',') : undefined,
  });
  if (state.status === 'saved') revalidatePath('/account');
  return state;
}
