'use client';

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  ADDRESS_FIELDS,
  BIRTH_FIELDS,
  CONTACT_FIELDS,
  NAME_FIELDS,
  PHONE_TYPE_LABELS,
  fieldId,
  type TextFieldDef,
} from '@/app/_components/profile/fields';
import type { CountryOption } from '@/lib/profile/country-options';
import { BASE_FIELD, CONFLICT_KEYS_FIELD, FORM_FIELDS, INTENT_FIELD, REQUIRED_TEXT_KEYS, resolveField } from '@/lib/profile/form-fields';
import type { FormValues } from '@/lib/profile/form-values';
import type { Conflict } from '@/lib/profile/merge';
import type { SaveState } from '@/lib/profile/save';
import type { EditableProfile, FieldError, FieldErrors } from '@/lib/profile/types';
import { failureMessage, fieldErrorMessage } from './_messages';
import { ConflictValue } from './_conflict-value';
import { clearDraft, draftDiffers, parseDraft, saveDraft, useStoredDraft } from './_draft';

type SaveAction = (state: SaveState, formData: FormData) => Promise<SaveState>;

type Props = {
  action: SaveAction;
  /** Identifies this account's draft in the tab's storage (not secret, not the customer id). */
  draftKey: string;
  base: EditableProfile;
  initialValues: FormValues;
  countries: CountryOption[];
};

const NO_ERRORS: FieldErrors = {};

/**
 * The profile form. Inputs are uncontrolled and server-rendered, so the form also works without
 * JavaScript; after every failed save it is re-mounted from the values the user sent (F1).
 */
export function ProfileForm({ action, draftKey, base, initialValues, countries }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const storedDraft = parseDraft(useStoredDraft(draftKey));
  const restored = state.status === 'idle' && storedDraft && draftDiffers(storedDraft, initialValues) ? storedDraft : null;
  const values = 'values' in state ? state.values : (restored?.values ?? initialValues);
  const formBase = ('base' in state && state.base) || restored?.base || base;
  useEffect(() => {
    if (state.status === 'saved' || state.status === 'nothing_to_save') clearDraft(draftKey);
  }, [state, draftKey]);
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : NO_ERRORS;
  // A new key re-mounts the inputs with their new default values (what the user typed, or the saved profile).
  const formKey = JSON.stringify([formBase, values]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => saveDraft(draftKey, event.currentTarget, formBase)}
      key={formKey}
      noValidate
      className="space-y-6"
      aria-describedby="form-status"
    >
      <input type="hidden" name={BASE_FIELD} value={JSON.stringify(formBase)} />
      {restored ? <RestoredBanner onDiscard={() => clearDraft(draftKey)} /> : null}
      <StatusBanner state={state} />
      {state.status === 'conflict' ? <ConflictPanel conflicts={state.conflicts} /> : null}

      <Section title="Contact">
        {CONTACT_FIELDS.map((def) => (
          <TextField key={def.key} def={def} values={values} errors={fieldErrors} />
        ))}
      </Section>

      <Section title="Names">
        <div className="grid gap-4 sm:grid-cols-2">
          {NAME_FIELDS.map((def) => (
            <TextField key={def.key} def={def} values={values} errors={fieldErrors} />
          ))}
        </div>
      </Section>

      <Section title="Birth">
        {BIRTH_FIELDS.map((def) => (
          <TextField key={def.key} def={def} values={values} errors={fieldErrors} />
        ))}
      </Section>

      <PhonesSection values={values} errors={fieldErrors} />
      <AddressSection values={values} errors={fieldErrors} countries={countries} />

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
        <button
          type="submit"
          name={INTENT_FIELD}
          value="save"
          disabled={pending}
          aria-disabled={pending}
          className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>

      {state.status === 'confirm_address' ? <ConfirmAddressPanel values={values} countries={countries} pending={pending} /> : null}
    </form>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <div className="mt-2 space-y-4">{children}</div>
    </fieldset>
  );
}

function ErrorText({ name, errors }: { name: string; errors: FieldError[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={`${fieldId(name)}-error`} className="mt-1 text-sm text-red-700">
      {errors.map(fieldErrorMessage).join(' ')}
    </p>
  );
}

function inputProps(name: string, errors: FieldErrors) {
  const hasError = Boolean(errors[name]?.length);
  return {
    id: fieldId(name),
    name,
    'aria-invalid': hasError || undefined,
    'aria-describedby': hasError ? `${fieldId(name)}-error` : undefined,
    className: `mt-1 block w-full rounded border px-3 py-2 text-base ${hasError ? 'border-red-600' : 'border-slate-400'}`,
  };
}

function TextField({ def, values, errors }: { def: TextFieldDef; values: FormValues; errors: FieldErrors }) {
  return (
    <div>
      <label htmlFor={fieldId(def.key)} className="block text-sm font-medium">
        {def.label}
        {REQUIRED_TEXT_KEYS.includes(def.key) ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      <input
        {...inputProps(def.key, errors)}
        type={def.type ?? 'text'}
        autoComplete={def.autoComplete}
        defaultValue={values[def.key] ?? ''}
        aria-required={REQUIRED_TEXT_KEYS.includes(def.key) || undefined}
        spellCheck={false}
      />
      <ErrorText name={def.key} errors={errors[def.key]} />
    </div>
  );
}

const subscribeNever = () => () => {};
/** True once React runs in the browser; buttons that need JavaScript only appear then. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

type PhoneRow = { id: number; number: string; type: string };

function phoneRowsFrom(values: FormValues): PhoneRow[] {
  const rows: PhoneRow[] = [];
  for (let i = 0; `phones.${i}.number` in values || `phones.${i}.type` in values; i++) {
    rows.push({ id: i, number: values[`phones.${i}.number`] ?? '', type: values[`phones.${i}.type`] ?? 'MOBILE' });
  }
  return rows;
}

function PhonesSection({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState<PhoneRow[]>(() => phoneRowsFrom(values));
  const nextId = useRef(rows.length + 1);
  // Without JavaScript a blank row is always offered; with it, "Add a phone" adds rows on demand.
  const shown = hydrated ? rows : [...rows, { id: -1, number: '', type: 'MOBILE' }];
  return (
    <Section title="Phones">
      <input type="hidden" name={FORM_FIELDS.phonesPresent} value="1" />
      <ErrorText name="phones" errors={errors.phones} />
      {shown.length === 0 ? <p className="text-slate-600">No phone number yet.</p> : null}
      <ul className="space-y-4">
        {shown.map((row, index) => {
          const numberName = FORM_FIELDS.phoneNumber(index);
          const typeName = FORM_FIELDS.phoneType(index);
          return (
            <li key={row.id} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
              <div>
                <label htmlFor={fieldId(numberName)} className="block text-sm font-medium">
                  Phone {index + 1} number
                </label>
                <input {...inputProps(numberName, errors)} type="tel" autoComplete="tel" defaultValue={row.number} />
                <ErrorText name={numberName} errors={errors[numberName]} />
              </div>
              <div>
                <label htmlFor={fieldId(typeName)} className="block text-sm font-medium">
                  Phone {index + 1} type
                </label>
                <select {...inputProps(typeName, errors)} defaultValue={row.type}>
                  {Object.entries(PHONE_TYPE_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                  {row.type && !(row.type in PHONE_TYPE_LABELS) ? <option value={row.type}>{row.type}</option> : null}
                </select>
                <ErrorText name={typeName} errors={errors[typeName]} />
              </div>
              {hydrated ? (
                <button
                  type="button"
                  className="self-end rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100"
                  onClick={(event) => {
                    // Keep what was typed in the other rows before re-rendering them.
                    const form = event.currentTarget.form;
                    setRows((current) => readRows(form, current).filter((_, i) => i !== index));
                  }}
                >
                  Remove phone {index + 1}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {hydrated ? (
        <button
          type="button"
          className="rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100"
          onClick={(event) => {
            const form = event.currentTarget.form;
            setRows((current) => [...readRows(form, current), { id: nextId.current++, number: '', type: 'MOBILE' }]);
          }}
        >
          Add a phone
        </button>
      ) : (
        <p className="text-sm text-slate-600">To remove a number, empty its field.</p>
      )}
    </Section>
  );
}

function readRows(form: HTMLFormElement | null, rows: PhoneRow[]): PhoneRow[] {
  if (!form) return rows;
  const data = new FormData(form);
  return rows.map((row, i) => ({
    id: row.id,
    number: String(data.get(`phones.${i}.number`) ?? row.number),
    type: String(data.get(`phones.${i}.type`) ?? row.type),
  }));
}

function AddressSection({ values, errors, countries }: { values: FormValues; errors: FieldErrors; countries: CountryOption[] }) {
  const countryName = 'address.country_code';
  const current = values[countryName] ?? '';
  return (
    <Section title="Postal address">
      <input type="hidden" name={FORM_FIELDS.addressPresent} value="1" />
      <ErrorText name="address" errors={errors.address} />
      <div className="grid gap-4 sm:grid-cols-2">
        {ADDRESS_FIELDS.map((def) => {
          const name = `address.${def.key}`;
          return (
            <div key={def.key}>
              <label htmlFor={fieldId(name)} className="block text-sm font-medium">
                {def.label}
              </label>
              <input {...inputProps(name, errors)} type="text" autoComplete={def.autoComplete} defaultValue={values[name] ?? ''} />
              <ErrorText name={name} errors={errors[name]} />
            </div>
          );
        })}
        <div>
          <label htmlFor={fieldId(countryName)} className="block text-sm font-medium">
            Country
          </label>
          <select {...inputProps(countryName, errors)} autoComplete="country" defaultValue={current}>
            <option value="">Choose a country</option>
            {current && !countries.some((c) => c.code === current) ? <option value={current}>{current}</option> : null}
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <ErrorText name={countryName} errors={errors[countryName]} />
        </div>
      </div>
    </Section>
  );
}

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function StatusBanner({ state }: { state: SaveState }) {
  const alertRef = useFocusOnMount<HTMLDivElement>();
  if (state.status === 'saved') {
    return (
      <p id="form-status" role="status" className="rounded border border-green-300 bg-green-50 p-3 font-medium text-green-900">
        Saved
      </p>
    );
  }
  if (state.status === 'nothing_to_save') {
    return (
      <p id="form-status" role="status" className="rounded border border-slate-300 bg-slate-100 p-3">
        Nothing to save: you have not changed anything.
      </p>
    );
  }
  if (state.status === 'invalid') {
    const entries = Object.entries(state.fieldErrors);
    return (
      <div id="form-status" ref={alertRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
        <p className="font-medium">Nothing was saved. Please correct the following:</p>
        <ul className="mt-1 list-disc pl-5">
          {state.formErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
          {entries.map(([name, errors]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="underline">
                {(errors as FieldError[]).map(fieldErrorMessage).join(' ')}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div id="form-status" ref={alertRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
        <p>{failureMessage(state.reason, state.retryAfterSeconds)}</p>
        {state.reason === 'signed_out' ? (
          <p className="mt-2">
            <a href="/signin/start?role=customer&amp;callbackUrl=%2Faccount" className="font-medium underline">
              Sign in again
            </a>
          </p>
        ) : null}
      </div>
    );
  }
  return <p id="form-status" className="sr-only" aria-live="polite" />;
}

function RestoredBanner({ onDiscard }: { onDiscard: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
      <p>We restored the changes you had not saved yet. Check them, then save.</p>
      <button type="button" onClick={onDiscard} className="rounded border border-blue-400 px-3 py-1 text-sm hover:bg-white">
        Discard these changes
      </button>
    </div>
  );
}

function ConflictPanel({ conflicts }: { conflicts: Conflict[] }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-4 rounded border border-amber-400 bg-amber-50 p-4">
      <p className="font-medium">
        Some of your changes clash with changes saved elsewhere (another tab or device) since you opened this page. Nothing was saved.
        Choose which value to keep, then save again.
      </p>
      {conflicts.map((conflict) => (
        <fieldset key={conflict.key} className="rounded border border-amber-300 bg-white p-3">
          <legend className="px-1 font-medium">{conflict.key.replaceAll('_', ' ')}</legend>
          <input type="hidden" name={CONFLICT_KEYS_FIELD} value={conflict.key} />
          <div className="mt-1 space-y-2">
            <label className="flex items-start gap-2">
              <input type="radio" name={resolveField(conflict.key)} value="mine" required className="mt-1" />
              <span>
                Keep mine: <ConflictValue value={conflict.mine} />
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name={resolveField(conflict.key)} value="theirs" required className="mt-1" />
              <span>
                Use the value saved elsewhere: <ConflictValue value={conflict.current} />
              </span>
            </label>
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function ConfirmAddressPanel({ values, countries, pending }: { values: FormValues; countries: CountryOption[]; pending: boolean }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  const country = countries.find((c) => c.code === values['address.country_code'])?.name ?? values['address.country_code'];
  const lines = [
    [values['address.number'], values['address.street']].filter(Boolean).join(' '),
    values['address.add_on'],
    values['address.additional_information_1'],
    values['address.additional_information_2'],
    values['address.town'],
    [values['address.zip_code'], values['address.city']].filter(Boolean).join(' '),
    values['address.state_or_district'],
    country,
  ].filter((line): line is string => Boolean(line));
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="confirm-address-heading" className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4">
      <h2 id="confirm-address-heading" className="text-lg font-semibold">
        We could not verify this address
      </h2>
      <p>Club Med does not recognise this address. Check it, or keep it as you typed it:</p>
      <address className="rounded border border-amber-300 bg-white p-3 not-italic" data-testid="address-to-confirm">
        {lines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </address>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name={INTENT_FIELD} value="keep_address" disabled={pending} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          Keep this address
        </button>
        <button type="submit" name={INTENT_FIELD} value="edit_address" disabled={pending} className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-white disabled:opacity-60">
          Edit address
        </button>
      </div>
    </div>
  );
}
