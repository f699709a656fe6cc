import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getSession } from '@/lib/auth/session';
import { signOutAction } from './actions';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const [session, t] = await Promise.all([getSession(), getTranslations('Header')]);
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {t('brand')} <span className="font-normal opacity-80">· {session?.role === 'staff' ? t('areaStaff') : t('areaCustomer')}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {session ? (
            <>
              <span className="hidden sm:inline" data-testid="signed-in-as">
                {session.name ?? session.email ?? t('signedIn')}
              </span>
              {session.role === 'staff' ? (
                <nav aria-label={t('staffNav')} className="flex gap-3">
                  <Link href="/staff" className="underline-offset-2 hover:underline">{t('search')}</Link>
                  <Link href="/staff/audit" className="underline-offset-2 hover:underline">{t('audit')}</Link>
                </nav>
              ) : null}
            </>
          ) : null}
          <LanguageSwitcher />
          {session ? (
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/60 px-3 py-1 hover:bg-white/10">
                {t('signOut')}
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
