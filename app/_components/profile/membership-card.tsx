import { useFormatter, useTranslations } from 'next-intl';
import type { Profile } from '@/lib/profile/types';
import { ReadOnlyField } from './read-only-field';

type Translate = ReturnType<typeof useTranslations<'Membership'>>;

/** Unknown statuses from upstream are shown as they come, not hidden. */
export function loyaltyStatusLabel(status: string | null, t: Translate): string | null {
  if (!status) return null;
  return t.has(`statuses.${status}`) ? t(`statuses.${status}`) : status;
}

/** Read-only membership facts: the customer cannot change these, so they are text, not inputs. */
export function MembershipCard({ profile }: { profile: Profile }) {
  const t = useTranslations('Membership');
  const format = useFormatter();
  const loyalty = profile.loyalty_program;
  const points = loyalty?.points;
  const platinum = loyalty?.is_platinum_for_life
    ? loyalty.platinum_for_life_since
      ? t('platinumSince', { year: loyalty.platinum_for_life_since })
      : t('yes')
    : loyalty
      ? t('no')
      : null;
  return (
    <section aria-labelledby="membership-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="membership-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <ReadOnlyField label={t('gmNumber')} value={profile.gm_number} testId="gm-number" />
        <ReadOnlyField label={t('status')} value={loyaltyStatusLabel(loyalty?.status ?? null, t)} testId="loyalty-status" />
        <ReadOnlyField label={t('previousStatus')} value={loyaltyStatusLabel(loyalty?.previous_status ?? null, t)} testId="loyalty-previous-status" />
        <ReadOnlyField label={t('points')} value={typeof points === 'number' ? format.number(points) : null} testId="loyalty-points" />
        <ReadOnlyField label={t('platinumForLife')} value={platinum} testId="platinum-for-life" />
        <ReadOnlyField label={t('market')} value={profile.locale} testId="locale" />
      </dl>
    </section>
  );
}
