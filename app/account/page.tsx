import { createHash } from 'node:crypto';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { IdentityCard } from '@/app/_components/profile/identity-card';
import { MembershipCard } from '@/app/_components/profile/membership-card';
import { optinChoices, showsNativeNames } from '@/app/_components/profile/fields';
import { UpstreamProblem } from '@/app/_components/upstream/upstream-problem';
import { signInPathFor } from '@/lib/auth/paths';
import { requireCustomerPage } from '@/lib/auth/session';
import { loadProfile } from '@/lib/clubmed/load-profile';
import { getConfig } from '@/lib/config';
import { languageOptions } from '@/lib/i18n/languages';
import { countryOptions } from '@/lib/profile/country-options';
import { formValuesFromEditable } from '@/lib/profile/form-values';
import { defaultPhoneCountry } from '@/lib/profile/phones';
import { toEditable } from '@/lib/profile/schema';
import { ProfileForm } from './_form';
import { saveProfileAction } from './_action';

export async function generateMetadata() {
  return { title: (await getTranslations('Account'))('title') };
}

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
  const [locale, t] = await Promise.all([getLocale(), getTranslations('Account')]);
  const { profile } = result;
  const base = toEditable(profile);
  const phoneCountry = defaultPhoneCountry(base.address, profile.locale ?? marketLocale);
  const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ');
  const options = {
    countries: countryOptions(locale),
    languages: languageOptions(locale),
    optinChoices: optinChoices(base.optins),
    today: new Date().toISOString().slice(0, 10),
    showNativeNames: showsNativeNames(profile.locale, base),
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('heading')}</h1>
        {name ? <p className="text-slate-700">{name}</p> : null}
      </div>
      <MembershipCard profile={profile} />
      <ProfileForm
        action={saveProfileAction}
        draftKey={draftKeyFor(session.customerId)}
        base={base}
        initialValues={formValuesFromEditable(base, phoneCountry)}
        options={options}
      />
      <IdentityCard identity={profile.identity} />
    </div>
  );
}
