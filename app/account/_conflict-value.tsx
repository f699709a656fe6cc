/** Shows a profile value of any key in a conflict (text, phones, address). */
export function ConflictValue({ value }: { value: unknown }) {
  return <strong className="break-words">{describeValue(value)}</strong>;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((item) => {
        if (item && typeof item === 'object' && 'number' in item) return `${String(item.number)} (${String((item as { type?: unknown }).type ?? '')})`;
        if (item && typeof item === 'object' && 'channel' in item) return `${String(item.channel)}: ${(item as { optin?: unknown }).optin ? 'yes' : 'no'}`;
        return String(item);
      })
      .join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== 'country' && v !== null && v !== '')
      .map(([, v]) => String(v))
      .join(', ') || '(empty)';
  }
  return String(value);
}
