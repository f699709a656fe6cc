'use client';

import { useTranslations } from 'next-intl';

/**
 * Last-resort boundary for the account page (for example a form sent from a tab opened before a
 * redeployment). The form's draft is kept in this tab, so reloading brings the edits back.
 */
export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('AccountError');
  return (
    <section role="alert" className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p>{t('body')}</p>
      <div className="flex gap-3">
        <button type="button" onClick={() => window.location.reload()} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          {t('reload')}
        </button>
        <button type="button" onClick={reset} className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
          {t('tryAgain')}
        </button>
      </div>
    </section>
  );
}
