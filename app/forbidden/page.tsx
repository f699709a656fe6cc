import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata() {
  return { title: (await getTranslations('Forbidden'))('title') };
}

export default function ForbiddenPage() {
  const t = useTranslations('Forbidden');
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p>{t('body')}</p>
      <p><Link href="/" className="text-brand underline">{t('home')}</Link></p>
    </section>
  );
}
