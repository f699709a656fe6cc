'use client';

/**
 * Last-resort boundary for the account page (for example a form sent from a tab opened before a
 * redeployment). The form's draft is kept in this tab, so reloading brings the edits back.
 */
export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">This page needs a reload</h1>
      <p>Something went wrong, perhaps because the site was updated while this page was open. Your unsaved changes are kept in this tab.</p>
      <div className="flex gap-3">
        <button type="button" onClick={() => window.location.reload()} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          Reload the page
        </button>
        <button type="button" onClick={reset} className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
          Try again
        </button>
      </div>
    </section>
  );
}
