import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getSession } from '@/lib/auth/session';
import { signInPathFor } from '@/lib/auth/paths';

export default async function HomePage() {
  const session = await getSession();
  if (session?.role === 'customer') redirect('/account');
  if (session?.role === 'staff') redirect('/staff');
  const t = await getTranslations('Home');
  return (
    <section className="mx-auto max-w-xl space-y-6 text-center">
      <h1 className="text-3xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <div className="flex flex-col items-center gap-3 sm:flex-row sm:justify-center">
        <Link href={signInPathFor('customer', '/account')} prefetch={false} className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark">
          {t('signIn')}
        </Link>
        <Link href={signInPathFor('staff', '/staff')} prefetch={false} className="rounded border border-slate-400 px-5 py-2.5 font-medium hover:bg-white">
          {t('staffSignIn')}
        </Link>
      </div>
    </section>
  );
}
