/**
 * Upstream 400 `errors[]` → messages beside the fields they concern (design rule 6). A
 * `concerned_key` that is not a field of this form (`gm_number`, `accept-language`, none) becomes
 * a form-level error, so no upstream complaint is ever silently dropped.
 */
import { EDITABLE_ADDRESS_KEYS, EDITABLE_TEXT_KEYS, type FieldErrors } from './types';

import type { UpstreamFieldIssue } from '@/lib/clubmed/errors';

export const ADDRESS_NOT_RECOGNIZED = 'ADDRESS_NOT_RECOGNIZED';

const FORM_FIELD_PATH = new RegExp(
  [
    `^(?:${EDITABLE_TEXT_KEYS.join('|')})$`,
    '^(?:phones|optins|address|personal_data_usage_allowed)$',
    '^phones\\.\\d+(?:\\.(?:number|type))?$',
    '^optins\\.\\d+(?:\\.[a-z_]+)?$',
    `^address\\.(?:${EDITABLE_ADDRESS_KEYS.join('|')})$`,
  ].join('|'),
);

/** `phones[1].number` and `phones.1.number` name the same field; the form uses the latter. */
function fieldPath(concernedKey: string | undefined): string | undefined {
  const path = concernedKey?.trim().replace(/\[(\d+)\]/g, '.$1');
  return path && FORM_FIELD_PATH.test(path) ? path : undefined;
}

/**
 * Indexes in `phones.<i>` paths are positions in the PATCH array; they equal the form's row
 * numbers unless the form had empty rows before them.
 */
export function fieldErrorsFromUpstream(errors: readonly UpstreamFieldIssue[]): {
  fieldErrors: FieldErrors;
  formErrors: string[];
} {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const message = error.error_description ?? error.error_code ?? 'upstream';
    const path = fieldPath(error.concerned_key);
    if (!path) {
      formErrors.push(message);
      continue;
    }
    const params: Record<string, string> = { message };
    if (error.error_code) params.error_code = error.error_code;
    (fieldErrors[path] ??= []).push({ code: 'upstream', params });
  }
  return { fieldErrors, formErrors };
}

/** True when the 400 asks to confirm an address the API does not recognise (A2). */
export function isAddressNotRecognized(errors: readonly UpstreamFieldIssue[]): boolean {
  return errors.some((error) => error.error_code === ADDRESS_NOT_RECOGNIZED);
}
