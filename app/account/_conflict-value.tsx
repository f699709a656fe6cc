import type { Translate } from './_messages';

/** Shows a profile value of any key in a conflict (text, phones, address, consents). */
export function ConflictValue({ value, t }: { value: unknown; t: Translate }) {
  return <strong className="break-words">{describeValue(value, t)}</strong>;
}

export function describeValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('Values.empty');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? t('Values.yes') : t('Values.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('Values.none');
    return value
      .map((item) => {
        if (item && typeof item === 'object' && 'number' in item) return `${String(item.number)} (${String((item as { type?: unknown }).type ?? '')})`;
        if (item && typeof item === 'object' && 'channel' in item) {
          return `${String(item.channel)}: ${(item as { optin?: unknown }).optin ? t('Values.optinYes') : t('Values.optinNo')}`;
        }
        return String(item);
      })
      .join(', ');
  }
  if (typeof value === 'object') {
    return (
      Object.entries(value as Record<string, unknown>)
        .filter(([key, v]) => key !== 'country' && v !== null && v !== '')
        .map(([, v]) => String(v))
        .join(', ') || t('Values.empty')
    );
  }
  return String(value);
}
