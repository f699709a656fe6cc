import { createHash } from 'node:crypto';
import { redirect } from 'next/navigation';
import { MembershipCard } from '@/app/_components/profile/membership-card';
import { UpstreamProblem } from '@/app/_components/upstream/upstream-problem';
import { signInPathFor } from '@/lib/auth/paths';
import { requireCustomerPage } from '@/lib/auth/session';
import { loadProfile } from '@/lib/clubmed/load-profile';
import { getConfig } from '@/lib/config';
import { countryOptions } from '@/lib/profile/country-options';
import { formValuesFromEditable } from '@/lib/profile/form-values';
import { defaultPhoneCountry } from '@/lib/profile/phones';
import { toEditable } from '@/lib/profile/schema';
import { ProfileForm } from './_form';
import { saveProfileAction } from './_action';

export const metadata = { title: 'My profile' };

/** A stable, opaque name for this account's unsaved draft in the browser. */
function draftKeyFor(customerId: string): string {
  return createHash('sha256').update(`profile-draft:${customerId}`).digest('base64url').slice(0, 16);
}

export default async function AccountPage() {
  const session = await requireCustomerPage('/account');
  const marketLocale = getConfig().CLUBMED_DEFAULT_MARKET;
  const result = await loadProfile(session.customerId, session.accessToken, marketLocale);
  if (!result.ok) {
    // The proxy refreshes tokens ahead of expiry; a 401 here means the session is really over.
    if (result.kind === 'unauthorized') redirect(signInPathFor('customer', '/account'));
    return <UpstreamProblem kind={result.kind} retryHref="/account" />;
  }
  const { profile } = result;
  const base = toEditable(profile);
  const phoneCountry = defaultPhoneCountry(base.address, profile.locale ?? marketLocale);
  const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ');

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">My profile</h1>
        {name ? <p className="text-slate-700">{name}</p> : null}
      </div>
      <MembershipCard profile={profile} />
      <ProfileForm action={saveProfileAction} draftKey={draftKeyFor(session.customerId)} base={base} initialValues={formValuesFromEditable(base, phoneCountry)} countries={countryOptions('en')} />
    </div>
  );
}
