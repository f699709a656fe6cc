import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MembershipCard } from '@/app/_components/profile/membership-card';
import { ProfileDetails } from '@/app/_components/profile/profile-details';
import { UpstreamProblem } from '@/app/_components/upstream/upstream-problem';
import { recordAudit } from '@/lib/audit/audit-log';
import { signInPathFor } from '@/lib/auth/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { isCustomerId } from '@/lib/clubmed/customers';
import { loadProfile } from '@/lib/clubmed/load-profile';
import { getConfig } from '@/lib/config';

export async function generateMetadata() {
  return { title: (await getTranslations('Staff'))('previewTitle') };
}

/**
 * A customer's account as they see it, read-only: no form, no action. Every view is audited
 * before anything is shown.
 */
export default async function CustomerPreviewPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const session = await requireStaffPage(`/staff/customers/${encodeURIComponent(customerId)}`);
  const audit = { staffId: session.staffId, staffName: session.name, customerId, action: 'preview' as const };
  if (!isCustomerId(customerId)) {
    recordAudit({ ...audit, customerId: customerId.slice(0, 40), outcome: 'not_found', detail: 'malformed customer id' });
    return <UpstreamProblem kind="not_found" retryHref="/staff" />;
  }
  const result = await loadProfile(customerId, session.accessToken, getConfig().CLUBMED_DEFAULT_MARKET);
  if (!result.ok) {
    recordAudit({ ...audit, outcome: result.kind === 'not_found' ? 'not_found' : result.kind === 'forbidden' ? 'refused' : 'error', detail: result.kind });
    if (result.kind === 'unauthorized') redirect(signInPathFor('staff', `/staff/customers/${customerId}`));
    return <UpstreamProblem kind={result.kind} retryHref={`/staff/customers/${customerId}`} />;
  }
  recordAudit({ ...audit, outcome: 'allowed' });
  const { profile } = result;
  const t = await getTranslations('Staff');
  const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ') || t('previewFallbackName', { id: customerId });

  return (
    <div className="space-y-6">
      <p role="note" className="rounded border-2 border-amber-500 bg-amber-50 p-3 font-semibold text-amber-950" data-testid="preview-banner">
        {t('previewBanner', { name })}
      </p>
      <p className="text-sm">
        <Link href="/staff" className="text-brand underline">{t('backToSearch')}</Link>
        {' · '}
        <Link href={`/staff/audit?customerId=${customerId}`} className="text-brand underline">{t('auditForCustomer')}</Link>
      </p>
      <h1 className="text-2xl font-semibold sm:text-3xl">{name}</h1>
      <MembershipCard profile={profile} />
      <ProfileDetails profile={profile} />
    </div>
  );
}
