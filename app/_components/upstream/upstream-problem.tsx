import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { UpstreamErrorKind } from '@/lib/clubmed/errors';

type Problem = 'forbidden' | 'not_found' | 'unavailable';

const COPY: Record<Problem, { title: string; body: string }> = {
  forbidden: { title: 'forbiddenTitle', body: 'forbiddenBody' },
  not_found: { title: 'notFoundTitle', body: 'notFoundBody' },
  unavailable: { title: 'unavailableTitle', body: 'unavailableBody' },
};

export function problemFor(kind: UpstreamErrorKind): Problem {
  if (kind === 'forbidden') return 'forbidden';
  if (kind === 'not_found') return 'not_found';
  return 'unavailable';
}

/** A clear page for an upstream failure: never a stack trace. */
export function UpstreamProblem({ kind, retryHref }: { kind: UpstreamErrorKind; retryHref: string }) {
  const t = useTranslations('Problem');
  const problem = problemFor(kind);
  const copy = COPY[problem];
  return (
    <section className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid={`problem-${problem}`}>
      <h1 className="text-2xl font-semibold">{t(copy.title)}</h1>
      <p>{t(copy.body)}</p>
      {problem === 'unavailable' ? (
        <p>
          <Link href={retryHref} prefetch={false} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t('tryAgain')}
          </Link>
        </p>
      ) : (
        <p>
          <Link href="/" className="text-brand underline">{t('home')}</Link>
        </p>
      )}
    </section>
  );
}
