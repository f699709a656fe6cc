import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata() {
  return { title: (await getTranslations('SignedOut'))('title') };
}

export default function SignedOutPage() {
  const t = useTranslations('SignedOut');
  return (
    <section className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p>
        <Link href="/" className="text-brand underline">{t('signInAgain')}</Link>
      </p>
    </section>
  );
}
