import type { FieldError } from '@/lib/profile/types';
import type { SaveFailureReason } from '@/lib/profile/save';

/** A message lookup (next-intl's `t`, rooted at the top of the messages). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** A field error's text in the interface language; the API's own text is kept for its refusals. */
export function fieldErrorMessage(t: Translate, error: FieldError): string {
  const params = error.params ?? {};
  if (error.code === 'upstream') return typeof params.message === 'string' && params.message ? params.message : t('Errors.upstream');
  return t(`Errors.${error.code}`, params);
}

export function failureMessage(t: Translate, reason: SaveFailureReason, retryAfterSeconds?: number): string {
  return reason === 'rate_limited' ? t('Failures.rate_limited', { seconds: retryAfterSeconds ?? 30 }) : t(`Failures.${reason}`);
}

/** The namespaces the account's client components read: only these messages travel to the browser. */
export const CLIENT_MESSAGE_NAMESPACES = ['Form', 'Fields', 'Sections', 'Civility', 'PhoneTypes', 'Channels', 'Errors', 'Failures', 'Values', 'AccountError'] as const;
