import type { Profile } from '@/lib/profile/types';
import { ReadOnlyField } from './read-only-field';

const STATUS_LABELS: Record<string, string> = {
  NONE: 'No status yet',
  TURQUOISE: 'Turquoise',
  SILVER: 'Silver',
  GOLD: 'Gold',
  PLATINUM: 'Platinum',
  UNAVAILABLE_FOR_THIS_COUNTRY: 'Not available in your country',
  EXCLUDED: 'Excluded',
  UNAVAILABLE: 'Unavailable',
};

/** Unknown statuses from upstream are shown as they come, not hidden. */
export function loyaltyStatusLabel(status: string | null): string | null {
  if (!status) return null;
  return STATUS_LABELS[status] ?? status;
}

/** Read-only membership facts: the customer cannot change these, so they are text, not inputs. */
export function MembershipCard({ profile }: { profile: Profile }) {
  const loyalty = profile.loyalty_program;
  const points = loyalty?.points;
  return (
    <section aria-labelledby="membership-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="membership-heading" className="text-lg font-semibold">Membership</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <ReadOnlyField label="Club Med number (GM)" value={profile.gm_number} testId="gm-number" />
        <ReadOnlyField label="Loyalty status" value={loyaltyStatusLabel(loyalty?.status ?? null)} testId="loyalty-status" />
        <ReadOnlyField label="Previous status" value={loyaltyStatusLabel(loyalty?.previous_status ?? null)} testId="loyalty-previous-status" />
        <ReadOnlyField
          label="Points"
          value={typeof points === 'number' ? new Intl.NumberFormat('en-US').format(points) : null}
          testId="loyalty-points"
        />
        <ReadOnlyField
          label="Platinum for life"
          value={loyalty?.is_platinum_for_life ? `Yes${loyalty.platinum_for_life_since ? `, since ${loyalty.platinum_for_life_since}` : ''}` : loyalty ? 'No' : null}
          testId="platinum-for-life"
        />
        <ReadOnlyField label="Market" value={profile.locale} testId="locale" />
      </dl>
    </section>
  );
}
