import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loyaltyStatusLabel } from '@/app/_components/profile/membership-card';
import { recordAudit } from '@/lib/audit/audit-log';
import { requireStaffPage } from '@/lib/auth/session';
import { UpstreamError } from '@/lib/clubmed/errors';
import { fetchProfile, searchCustomers, type CustomerSummary } from '@/lib/clubmed/customers';
import { getConfig } from '@/lib/config';
import { parseStaffQuery } from '@/lib/staff/search-query';

export async function generateMetadata() {
  return { title: (await getTranslations('Staff'))('searchTitle') };
}

/** The query parser's messages (English, from lib/staff), by their message key. */
const QUERY_MESSAGE_KEYS: [RegExp, string][] = [
  [/^Enter a customer id/, 'queryEmpty'],
  [/^The search is too long/, 'queryTooLong'],
  [/^The search contains characters/, 'queryBadCharacters'],
  [/^This does not look like an email/, 'queryBadEmail'],
];

const PAGE_SIZE = 20;

type SearchOutcome = { kind: 'none' } | { kind: 'invalid'; message: string } | { kind: 'error' } | { kind: 'results'; rows: CustomerSummary[]; more: boolean };

export default async function StaffSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireStaffPage('/staff');
  const params = await searchParams;
  const t = await getTranslations('Staff');
  // `q` absent: the first visit. `q` present but blank: a search with nothing typed, which gets a message.
  const q = typeof params.q === 'string' ? params.q : null;
  const outcome = q !== null ? await search(q, session) : { kind: 'none' as const };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('searchHeading')}</h1>
      <form role="search" method="get" action="/staff" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="staff-query" className="block text-sm font-medium">
            {t('queryLabel')}
          </label>
          <input
            id="staff-query"
            name="q"
            type="search"
            defaultValue={q ?? ''}
            autoComplete="off"
            aria-describedby={outcome.kind === 'invalid' ? 'staff-query-error' : undefined}
            aria-invalid={outcome.kind === 'invalid' || undefined}
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark">
          {t('searchButton')}
        </button>
      </form>
      <SearchResults outcome={outcome} t={t} />
    </div>
  );
}

async function search(q: string, session: { accessToken: string; staffId: string; name: string | null }): Promise<SearchOutcome> {
  const parsed = parseStaffQuery(q);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  const caller = { accessToken: session.accessToken, marketLocale: getConfig().CLUBMED_DEFAULT_MARKET };
  try {
    const pages = await Promise.all(
      [parsed.filters, ...parsed.alternatives].map((filters) => searchCustomers(filters, { limit: PAGE_SIZE + 1, page: 1 }, caller)),
    );
    const rows = pages.flat().filter((row, index, all) => all.findIndex((other) => other.id === row.id) === index);
    if (parsed.kind === 'digits' && parsed.customerId && !rows.some((row) => row.id === parsed.customerId)) {
      const byId = await findById(parsed.customerId, caller);
      if (byId) rows.unshift(byId);
    }
    recordAudit({ staffId: session.staffId, staffName: session.name, customerId: null, action: 'search', outcome: 'allowed', detail: `${parsed.kind} "${q.trim().slice(0, 80)}"; ${rows.length} result(s)` });
    return { kind: 'results', rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
  } catch (error) {
    if (error instanceof UpstreamError) return { kind: 'error' };
    throw error;
  }
}

async function findById(customerId: string, caller: { accessToken: string; marketLocale: string }): Promise<CustomerSummary | null> {
  try {
    const profile = await fetchProfile(customerId, caller);
    return {
      id: customerId,
      gmNumber: profile.gm_number,
      firstName: profile.first_name,
      lastName: profile.last_name,
      email: profile.email,
      loyaltyStatus: profile.loyalty_program?.status ?? null,
    };
  } catch (error) {
    if (error instanceof UpstreamError && (error.kind === 'not_found' || error.kind === 'bad_request')) return null;
    throw error;
  }
}

type StaffTranslate = Awaited<ReturnType<typeof getTranslations<'Staff'>>>;

function queryMessage(message: string, t: StaffTranslate): string {
  const key = QUERY_MESSAGE_KEYS.find(([pattern]) => pattern.test(message))?.[1];
  return key ? t(key, { max: 254 }) : message;
}

async function SearchResults({ outcome, t }: { outcome: SearchOutcome; t: StaffTranslate }) {
  const tLoyalty = await getTranslations('Membership');
  if (outcome.kind === 'none') return null;
  if (outcome.kind === 'invalid') {
    return (
      <p id="staff-query-error" role="alert" className="text-red-700">
        {queryMessage(outcome.message, t)}
      </p>
    );
  }
  if (outcome.kind === 'error') {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
        {t('searchUnavailable')}
      </p>
    );
  }
  if (outcome.rows.length === 0) return <p role="status">{t('noMatch')}</p>;
  return (
    <div className="space-y-2">
      <p role="status">
        {t('found', { count: outcome.rows.length })}
        {outcome.more ? t('more') : null}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('resultsCaption')}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{t('colName')}</th>
              <th scope="col" className="px-3 py-2">{t('colEmail')}</th>
              <th scope="col" className="px-3 py-2">{t('colGmNumber')}</th>
              <th scope="col" className="px-3 py-2">{t('colLoyalty')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/staff/customers/${row.id}`} className="font-medium text-brand underline">
                    {[row.firstName, row.lastName].filter(Boolean).join(' ') || t('customerFallback', { id: row.id })}
                  </Link>
                </td>
                <td className="px-3 py-2 break-all">{row.email ?? '—'}</td>
                <td className="px-3 py-2">{row.gmNumber ?? '—'}</td>
                <td className="px-3 py-2">{loyaltyStatusLabel(row.loyaltyStatus, tLoyalty) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
