import 'server-only';
import { cache } from 'react';
import type { Profile } from '@/lib/profile/types';
import { fetchProfile } from './customers';
import { UpstreamError, type UpstreamErrorKind } from './errors';

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; kind: UpstreamErrorKind };

/**
 * One upstream GET per page view however many components ask (React `cache()` lives for one
 * request only, so nothing is shared across requests or users). Arguments are primitives because
 * `cache()` compares them by identity.
 */
export const loadProfile = cache(async (customerId: string, accessToken: string, marketLocale: string): Promise<ProfileResult> => {
  try {
    return { ok: true, profile: await fetchProfile(customerId, { accessToken, marketLocale }) };
  } catch (error) {
    if (error instanceof UpstreamError) return { ok: false, kind: error.kind };
    throw error;
  }
});
