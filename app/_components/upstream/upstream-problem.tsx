import Link from 'next/link';
import type { UpstreamErrorKind } from '@/lib/clubmed/errors';

const COPY: Record<'forbidden' | 'not_found' | 'unavailable', { title: string; body: string }> = {
  forbidden: { title: 'Not allowed', body: 'This account is not allowed to see this profile.' },
  not_found: { title: 'Profile not found', body: 'Club Med has no profile for this account.' },
  unavailable: {
    title: 'Your profile could not be loaded',
    body: 'Club Med’s service did not answer as expected. This is usually brief.',
  },
};

export function problemFor(kind: UpstreamErrorKind): keyof typeof COPY {
  if (kind === 'forbidden') return 'forbidden';
  if (kind === 'not_found') return 'not_found';
  return 'unavailable';
}

/** A clear page for an upstream failure: never a stack trace. */
export function UpstreamProblem({ kind, retryHref }: { kind: UpstreamErrorKind; retryHref: string }) {
  const problem = problemFor(kind);
  const copy = COPY[problem];
  return (
    <section className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid={`problem-${problem}`}>
      <h1 className="text-2xl font-semibold">{copy.title}</h1>
      <p>{copy.body}</p>
      {problem === 'unavailable' ? (
        <p>
          <Link href={retryHref} prefetch={false} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            Try again
          </Link>
        </p>
      ) : (
        <p>
          <Link href="/" className="text-brand underline">Go to the home page</Link>
        </p>
      )}
    </section>
  );
}
