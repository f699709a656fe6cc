import { useTranslations } from 'next-intl';
import type { Identity } from '@/lib/profile/types';
import { describeIdentity } from './identity';
import { ReadOnlyField } from './read-only-field';

/** The national identity document, masked and read-only (changed only through Club Med). */
export function IdentityCard({ identity }: { identity: Identity | null }) {
  const t = useTranslations();
  const text = describeIdentity(identity, (type) => (t.has(`IdentityTypes.${type}`) ? t(`IdentityTypes.${type}`) : type));
  return (
    <section aria-labelledby="identity-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="identity-heading" className="text-lg font-semibold">{t('Sections.identity')}</h2>
      <dl className="mt-3">
        <ReadOnlyField label={t('Fields.identity')} value={text} testId="identity" />
      </dl>
      {text ? <p className="mt-2 text-sm text-slate-600">{t('Form.identityHint')}</p> : null}
    </section>
  );
}
