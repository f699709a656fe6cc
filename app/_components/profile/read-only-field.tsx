import { useTranslations } from 'next-intl';

export function ReadOnlyField({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  const t = useTranslations('Values');
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium break-words" data-testid={testId}>
        {value ? value : <span className="font-normal text-slate-500">{t('notProvided')}</span>}
      </dd>
    </div>
  );
}
