import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signInPathFor } from '@/lib/auth/paths';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getConfig } from '@/lib/config';

export async function generateMetadata() {
  return { title: (await getTranslations('SignIn'))('title') };
}

/** next-auth sends sign-in errors here (`?error=`); the message stays generic on purpose. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations('SignIn');
  const error = typeof params.error === 'string' ? params.error : undefined;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined, getConfig().APP_URL, '/account');
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t('error')}
        </p>
      ) : null}
      <ul className="space-y-3">
        <li>
          <Link href={signInPathFor('customer', callbackUrl)} prefetch={false} className="block rounded bg-brand px-4 py-3 text-center font-medium text-white hover:bg-brand-dark">
            {t('customer')}
          </Link>
        </li>
        <li>
          <Link href={signInPathFor('staff', '/staff')} prefetch={false} className="block rounded border border-slate-400 px-4 py-3 text-center font-medium hover:bg-white">
            {t('staff')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
