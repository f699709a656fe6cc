import Link from 'next/link';
import { getSession } from '@/lib/auth/session';
import { signOutAction } from './actions';

export async function SiteHeader() {
  const session = await getSession();
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Club Med <span className="font-normal opacity-80">· {session?.role === 'staff' ? 'Staff' : 'My profile'}</span>
        </Link>
        {session ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden sm:inline" data-testid="signed-in-as">
              {session.name ?? session.email ?? 'Signed in'}
            </span>
            {session.role === 'staff' ? (
              <nav aria-label="Staff" className="flex gap-3">
                <Link href="/staff" className="underline-offset-2 hover:underline">Search</Link>
                <Link href="/staff/audit" className="underline-offset-2 hover:underline">Audit trail</Link>
              </nav>
            ) : null}
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/60 px-3 py-1 hover:bg-white/10">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
