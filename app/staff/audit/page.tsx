import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAudit } from '@/lib/audit/audit-log';
import { requireStaffPage } from '@/lib/auth/session';
import { isCustomerId } from '@/lib/clubmed/customers';

export async function generateMetadata() {
  return { title: (await getTranslations('Staff'))('auditTitle') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('/staff/audit');
  const params = await searchParams;
  const rawCustomer = typeof params.customerId === 'string' ? params.customerId.trim() : '';
  const customerId = rawCustomer && isCustomerId(rawCustomer) ? rawCustomer : undefined;
  const invalidFilter = rawCustomer !== '' && !customerId;
  const before = typeof params.before === 'string' && /^\d{1,15}$/.test(params.before) ? Number(params.before) : undefined;
  const page = invalidFilter ? { events: [], nextCursor: null } : listAudit({ customerId, before, limit: 25 });
  const [t, format] = await Promise.all([getTranslations('Staff'), getFormatter()]);
  /** Known codes by their label; anything else as recorded. */
  const label = (group: 'actions' | 'outcomes', code: string) => (t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('auditHeading')}</h1>
      <form method="get" action="/staff/audit" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="audit-customer" className="block text-sm font-medium">{t('auditCustomerId')}</label>
          <input
            id="audit-customer"
            name="customerId"
            inputMode="numeric"
            defaultValue={rawCustomer}
            aria-invalid={invalidFilter || undefined}
            aria-describedby={invalidFilter ? 'audit-customer-error' : undefined}
            className="mt-1 block rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">{t('auditFilter')}</button>
        {customerId ? <Link href="/staff/audit" className="py-2 text-brand underline">{t('auditShowAll')}</Link> : null}
      </form>
      {invalidFilter ? (
        <p id="audit-customer-error" role="alert" className="text-red-700">{t('auditInvalidId')}</p>
      ) : null}
      {page.events.length === 0 ? (
        <p role="status">{customerId ? t('auditEmptyForCustomer') : t('auditEmpty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('auditCaption')}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t('auditColTime')}</th>
                <th scope="col" className="px-3 py-2">{t('auditColStaff')}</th>
                <th scope="col" className="px-3 py-2">{t('auditColCustomer')}</th>
                <th scope="col" className="px-3 py-2">{t('auditColAction')}</th>
                <th scope="col" className="px-3 py-2">{t('auditColOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.id} className="border-t border-slate-200" data-testid="audit-row">
                  <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(event.at), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })}</td>
                  <td className="px-3 py-2">{event.staffName ?? event.staffId} <span className="text-slate-500">({event.staffId})</span></td>
                  <td className="px-3 py-2">{event.customerId ?? '—'}</td>
                  <td className="px-3 py-2">{label('actions', event.action)}</td>
                  <td className="px-3 py-2">{label('outcomes', event.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? (
        <Link
          href={`/staff/audit?${new URLSearchParams({ ...(customerId ? { customerId } : {}), before: String(page.nextCursor) })}`}
          className="inline-block text-brand underline"
        >
          {t('auditOlder')}
        </Link>
      ) : null}
    </div>
  );
}
