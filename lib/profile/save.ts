/**
 * Saving a profile form, as one testable function: the action supplies the session's I/O.
 * Implements design rules 1–8: base from the form, strict parse, diff against the base, three-way
 * check against the current server state, the address confirmation, and typed values kept on failure.
 */
import type { CountryCode } from 'libphonenumber-js';
import { UpstreamError } from '@/lib/clubmed/errors';
import { diffProfile, isEmptyPatch } from './diff';
import { fieldErrorsFromUpstream } from './errors';
import { BASE_FIELD, CONFLICT_KEYS_FIELD, INTENT_FIELD, resolveField } from './form-fields';
import { formValuesFromFormData, parseProfileForm } from './form';
import { editableKeyOfField, formValuesFromEditable, type FormValues } from './form-values';
import { mergeWithCurrent, type Conflict } from './merge';
import { defaultPhoneCountry } from './phones';
import { parseEditableProfile } from './schema';
import { EDITABLE_KEYS, type EditableKey, type EditableProfile, type FieldErrors, type ProfilePatch } from './types';

export type SaveFailureReason = 'signed_out' | 'forbidden' | 'not_found' | 'unavailable' | 'rate_limited' | 'stale' | 'too_large';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saved'; patchedKeys: EditableKey[] }
  | { status: 'nothing_to_save'; values: FormValues; base: EditableProfile }
  | { status: 'editing'; values: FormValues; base: EditableProfile }
  | { status: 'invalid'; values: FormValues; base: EditableProfile; fieldErrors: FieldErrors; formErrors: string[] }
  | { status: 'confirm_address'; values: FormValues; base: EditableProfile }
  | { status: 'conflict'; values: FormValues; base: EditableProfile; conflicts: Conflict[]; unresolved?: EditableKey[] }
  | { status: 'failed'; values: FormValues; base?: EditableProfile; reason: SaveFailureReason; retryAfterSeconds?: number };

export type SaveIntent = 'save' | 'keep_address' | 'edit_address';

export type SaveDeps = {
  /** GET the profile as the server has it now (rule 4). */
  fetchCurrent: () => Promise<EditableProfile>;
  patch: (patch: ProfilePatch, options: { forceAddress: boolean }) => Promise<void>;
  /** Locale whose region reads phone numbers when the address has no country (the page displays them so). */
  marketLocale: string;
  today: string; // YYYYMMDD
};

export function readIntent(formData: FormData): SaveIntent {
  const intent = formData.get(INTENT_FIELD);
  return intent === 'keep_address' || intent === 'edit_address' ? intent : 'save';
}

export function readBase(formData: FormData): EditableProfile | null {
  const raw = formData.get(BASE_FIELD);
  if (typeof raw !== 'string') return null;
  try {
    const json: unknown = JSON.parse(raw);
    // The page always renders every editable key: a base missing one is not ours (or from an old deployment).
    if (!json || typeof json !== 'object' || !EDITABLE_KEYS.every((key) => key in json)) return null;
    const parsed = parseEditableProfile(json);
    return parsed.ok ? parsed.profile : null;
  } catch {
    return null;
  }
}

export async function saveProfileForm(formData: FormData, deps: SaveDeps): Promise<SaveState> {
  const values = formValuesFromFormData(formData);
  const base = readBase(formData);
  // Without its base the form cannot tell what the user changed: ask for a reload, keep the typing.
  if (!base) return { status: 'failed', values, reason: 'stale' };
  const intent = readIntent(formData);
  if (intent === 'edit_address') return { status: 'editing', values, base };

  const phoneCountry = defaultPhoneCountry(base.address, deps.marketLocale);
  const parsed = parseProfileForm(formData, base, { defaultPhoneCountry: phoneCountry, today: deps.today });
  if (!parsed.ok) return { status: 'invalid', values, base, fieldErrors: parsed.fieldErrors, formErrors: [] };

  const resolution = applyConflictResolutions(formData, base, parsed.submitted);
  if (!resolution.ok) {
    // Ask again, with the same choices: the base is already the server's state at the conflict.
    const conflicts = resolution.unresolved.map((key) => ({ key, base: base[key], current: base[key], mine: parsed.submitted[key] }));
    return { status: 'conflict', values, base, conflicts, unresolved: resolution.unresolved };
  }

  const patch = diffProfile(base, resolution.submitted, { defaultPhoneCountry: phoneCountry });
  if (isEmptyPatch(patch)) return { status: 'nothing_to_save', values, base };

  try {
    const current = await deps.fetchCurrent();
    const merged = mergeWithCurrent(base, current, patch, { defaultPhoneCountry: phoneCountry });
    if (merged.conflicts.length > 0) {
      // Nothing is written. The next submit diffs against what the server holds now; untouched
      // fields show the server's values so they are not sent back over a concurrent change.
      return {
        status: 'conflict',
        values: valuesAfterConflict(values, patch, current, phoneCountry),
        base: current,
        conflicts: merged.conflicts,
      };
    }
    if (isEmptyPatch(merged.patch)) return { status: 'saved', patchedKeys: [] }; // the server already had it
    const forceAddress = intent === 'keep_address' && 'address' in merged.patch;
    await deps.patch(merged.patch, { forceAddress });
    return { status: 'saved', patchedKeys: Object.keys(merged.patch) as EditableKey[] };
  } catch (error) {
    return failureState(error, values, base);
  }
}

/** Conflicted keys the user resolved with "keep the other value" take the server's value. */
function applyConflictResolutions(
  formData: FormData,
  base: EditableProfile,
  submitted: EditableProfile,
): { ok: true; submitted: EditableProfile } | { ok: false; unresolved: EditableKey[] } {
  const keys = formData
    .getAll(CONFLICT_KEYS_FIELD)
    .filter((k): k is EditableKey => typeof k === 'string' && (EDITABLE_KEYS as readonly string[]).includes(k));
  const result: Record<string, unknown> = { ...submitted };
  const unresolved: EditableKey[] = [];
  for (const key of keys) {
    const choice = formData.get(resolveField(key));
    if (choice === 'theirs') result[key] = base[key];
    else if (choice !== 'mine') unresolved.push(key);
  }
  if (unresolved.length > 0) return { ok: false, unresolved };
  return { ok: true, submitted: result as EditableProfile };
}

function valuesAfterConflict(values: FormValues, patch: ProfilePatch, current: EditableProfile, country: CountryCode): FormValues {
  const touched = new Set(Object.keys(patch));
  const next: FormValues = {};
  for (const [name, value] of Object.entries(formValuesFromEditable(current, country))) {
    if (!touched.has(editableKeyOfField(name))) next[name] = value;
  }
  for (const [name, value] of Object.entries(values)) {
    if (touched.has(editableKeyOfField(name))) next[name] = value;
  }
  return next;
}

function failureState(error: unknown, values: FormValues, base: EditableProfile): SaveState {
  if (!(error instanceof UpstreamError)) throw error;
  if (error.kind === 'bad_request') {
    if (error.hasErrorCode('ADDRESS_NOT_RECOGNIZED')) return { status: 'confirm_address', values, base };
    const errors = fieldErrorsFromUpstream(error.issues);
    // An unreadable 400 (empty or HTML body) still tells the user something.
    if (Object.keys(errors.fieldErrors).length === 0 && errors.formErrors.length === 0) errors.formErrors.push(error.message);
    return { status: 'invalid', values, base, ...errors };
  }
  const reasons: Partial<Record<UpstreamError['kind'], SaveFailureReason>> = {
    unauthorized: 'signed_out',
    forbidden: 'forbidden',
    not_found: 'not_found',
    rate_limited: 'rate_limited',
  };
  return { status: 'failed', values, base, reason: reasons[error.kind] ?? 'unavailable', retryAfterSeconds: error.retryAfterSeconds };
}
