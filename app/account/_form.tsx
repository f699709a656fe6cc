'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  ADDRESS_FIELDS,
  BIRTH_CITY_FIELD,
  CIVILITY_CODES,
  CONTACT_FIELDS,
  NAME_FIELDS,
  NATIVE_NAME_FIELDS,
  PHONE_TYPE_CODES,
  fieldId,
  type OptinChoice,
  type TextFieldDef,
} from '@/app/_components/profile/fields';
import type { LanguageOption } from '@/lib/i18n/languages';
import type { CountryOption } from '@/lib/profile/country-options';
import { BASE_FIELD, CONFLICT_KEYS_FIELD, FORM_FIELDS, INTENT_FIELD, REQUIRED_TEXT_KEYS, resolveField } from '@/lib/profile/form-fields';
import type { FormValues } from '@/lib/profile/form-values';
import type { Conflict } from '@/lib/profile/merge';
import type { SaveState } from '@/lib/profile/save';
import type { EditableProfile, FieldError, FieldErrors } from '@/lib/profile/types';
import { failureMessage, fieldErrorMessage, type Translate } from './_messages';
import { signInPathFor } from '@/lib/auth/paths';
import { ConflictValue } from './_conflict-value';
import { clearDraft, draftDiffers, parseDraft, saveDraft, useStoredDraft } from './_draft';

type SaveAction = (state: SaveState, formData: FormData) => Promise<SaveState>;

/** What the page computed for the inputs: choices in the interface language, and limits. */
export type FormOptions = {
  countries: CountryOption[];
  languages: LanguageOption[];
  optinChoices: OptinChoice[];
  /** `YYYY-MM-DD`: the latest birthdate accepted. */
  today: string;
  showNativeNames: boolean;
};

type Props = {
  action: SaveAction;
  /** Identifies this account's draft in the tab's storage (not secret, not the customer id). */
  draftKey: string;
  base: EditableProfile;
  initialValues: FormValues;
  options: FormOptions;
};

const NO_ERRORS: FieldErrors = {};

/**
 * The profile form. Inputs are uncontrolled and server-rendered, so the form also works without
 * JavaScript; after every failed save it is re-mounted from the values the user sent (F1).
 */
export function ProfileForm({ action, draftKey, base, initialValues, options }: Props) {
  const t = useTranslations() as Translate;
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
  const field = { values, errors: fieldErrors, t };

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
      {restored ? <RestoredBanner t={t} onDiscard={() => clearDraft(draftKey)} /> : null}
      <StatusBanner state={state} t={t} />
      {state.status === 'conflict' ? <ConflictPanel conflicts={state.conflicts} t={t} /> : null}

      <Section title={t('Sections.contact')}>
        {CONTACT_FIELDS.map((def) => (
          <TextField key={def.key} def={def} {...field} />
        ))}
      </Section>

      <Section title={t('Sections.names')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="civility"
            autoComplete="honorific-prefix"
            emptyLabel={t('Form.notSpecified')}
            choices={CIVILITY_CODES.map((code) => ({ value: code, label: t(`Civility.${code}`) }))}
            {...field}
          />
          {NAME_FIELDS.map((def) => (
            <TextField key={def.key} def={def} {...field} />
          ))}
        </div>
      </Section>

      {options.showNativeNames ? (
        <Section title={t('Sections.nativeNames')} hint={t('Sections.nativeNamesHint')}>
          <div className="grid gap-4 sm:grid-cols-2">
            {NATIVE_NAME_FIELDS.map((def) => (
              <TextField key={def.key} def={def} {...field} />
            ))}
          </div>
        </Section>
      ) : null}

      <Section title={t('Sections.birth')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField name="birthdate" max={options.today} {...field} />
          <SelectField
            name="birth_country_code"
            autoComplete="off"
            emptyLabel={t('Form.chooseCountry')}
            choices={options.countries.map((c) => ({ value: c.code, label: c.name }))}
            {...field}
          />
          <TextField def={BIRTH_CITY_FIELD} {...field} />
        </div>
      </Section>

      <Section title={t('Sections.language')}>
        <SelectField
          name="language_code"
          autoComplete="off"
          emptyLabel={t('Form.notSpecified')}
          choices={options.languages.map((l) => ({ value: l.code, label: l.name }))}
          {...field}
        />
      </Section>

      <PhonesSection values={values} errors={fieldErrors} t={t} />
      <AddressSection values={values} errors={fieldErrors} countries={options.countries} t={t} />
      <ConsentsSection values={values} errors={fieldErrors} choices={options.optinChoices} t={t} />

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
        <button
          type="submit"
          name={INTENT_FIELD}
          value="save"
          disabled={pending}
          aria-disabled={pending}
          className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? t('Form.saving') : t('Form.save')}
        </button>
      </div>

      {state.status === 'confirm_address' ? <ConfirmAddressPanel values={values} countries={options.countries} pending={pending} t={t} /> : null}
    </form>
  );
}

type FieldProps = { values: FormValues; errors: FieldErrors; t: Translate };

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <div className="mt-2 space-y-4">{children}</div>
    </fieldset>
  );
}

function ErrorText({ name, errors, t }: { name: string; errors: FieldError[] | undefined; t: Translate }) {
  if (!errors?.length) return null;
  return (
    <p id={`${fieldId(name)}-error`} className="mt-1 text-sm text-red-700">
      {errors.map((error) => fieldErrorMessage(t, error)).join(' ')}
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

function Label({ name, text, optional, t }: { name: string; text: string; optional: boolean; t: Translate }) {
  return (
    <label htmlFor={fieldId(name)} className="block text-sm font-medium">
      {text}
      {optional ? <span className="font-normal text-slate-500"> {t('Form.optional')}</span> : null}
    </label>
  );
}

function TextField({ def, values, errors, t }: FieldProps & { def: TextFieldDef }) {
  const required = REQUIRED_TEXT_KEYS.includes(def.key);
  return (
    <div>
      <Label name={def.key} text={t(`Fields.${def.key}`)} optional={!required} t={t} />
      <input
        {...inputProps(def.key, errors)}
        type={def.type ?? 'text'}
        autoComplete={def.autoComplete}
        defaultValue={values[def.key] ?? ''}
        aria-required={required || undefined}
        spellCheck={false}
      />
      <ErrorText name={def.key} errors={errors[def.key]} t={t} />
    </div>
  );
}

function DateField({ name, max, values, errors, t }: FieldProps & { name: 'birthdate'; max: string }) {
  return (
    <div>
      <Label name={name} text={t(`Fields.${name}`)} optional t={t} />
      <input {...inputProps(name, errors)} type="date" autoComplete="bday" min="1900-01-01" max={max} defaultValue={values[name] ?? ''} />
      <ErrorText name={name} errors={errors[name]} t={t} />
    </div>
  );
}

type Choice = { value: string; label: string };

/** A select of known choices; a stored value outside them is kept as an option of its own, shown as-is. */
function SelectField({
  name,
  autoComplete,
  emptyLabel,
  choices,
  values,
  errors,
  t,
}: FieldProps & { name: string; autoComplete: string; emptyLabel: string; choices: Choice[] }) {
  const current = values[name] ?? '';
  const known = choices.some((choice) => choice.value === current.toUpperCase());
  return (
    <div>
      <Label name={name} text={t(`Fields.${name}`)} optional t={t} />
      <select {...inputProps(name, errors)} autoComplete={autoComplete} defaultValue={known ? current.toUpperCase() : current}>
        <option value="">{emptyLabel}</option>
        {current && !known ? <option value={current}>{current}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <ErrorText name={name} errors={errors[name]} t={t} />
    </div>
  );
}

function Checkbox({ name, label, checked, errors }: { name: string; label: string; checked: boolean; errors: FieldErrors }) {
  return (
    <div className="flex items-start gap-2">
      <input id={fieldId(name)} name={name} type="checkbox" defaultChecked={checked} aria-invalid={Boolean(errors[name]?.length) || undefined} className="mt-1 size-4" />
      <label htmlFor={fieldId(name)}>{label}</label>
    </div>
  );
}

/**
 * Consents: the markers tell the server which channels were shown, so an unchecked (absent) box
 * reads as "no" only for those; channels not shown keep their stored answer.
 */
function ConsentsSection({ values, errors, choices, t }: { values: FormValues; errors: FieldErrors; choices: OptinChoice[]; t: Translate }) {
  return (
    <Section title={t('Sections.consents')} hint={t('Sections.consentsHint')}>
      <input type="hidden" name={FORM_FIELDS.optinsPresent} value="1" />
      <ErrorText name="optins" errors={errors.optins} t={t} />
      <ul className="space-y-3">
        {choices.map(({ channel, partners }) => (
          <li key={channel} className="space-y-1">
            <input type="hidden" name={FORM_FIELDS.optinChannels} value={channel} />
            <Checkbox name={FORM_FIELDS.optin(channel)} label={channelLabel(channel, t)} checked={values[FORM_FIELDS.optin(channel)] === 'on'} errors={errors} />
            {partners ? (
              <div className="pl-6">
                <Checkbox
                  name={FORM_FIELDS.optinPartners(channel)}
                  label={t('Form.optinPartners')}
                  checked={values[FORM_FIELDS.optinPartners(channel)] === 'on'}
                  errors={errors}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 pt-3">
        <input type="hidden" name={FORM_FIELDS.personalDataUsageAllowedPresent} value="1" />
        <Checkbox
          name={FORM_FIELDS.personalDataUsageAllowed}
          label={t('Fields.personal_data_usage_allowed')}
          checked={values[FORM_FIELDS.personalDataUsageAllowed] === 'on'}
          errors={errors}
        />
        <ErrorText name={FORM_FIELDS.personalDataUsageAllowed} errors={errors[FORM_FIELDS.personalDataUsageAllowed]} t={t} />
      </div>
    </Section>
  );
}

function channelLabel(channel: string, t: Translate): string {
  return t.has(`Channels.${channel}`) ? t(`Channels.${channel}`) : t('Form.optinUnknown', { channel });
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

function PhonesSection({ values, errors, t }: { values: FormValues; errors: FieldErrors; t: Translate }) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState<PhoneRow[]>(() => phoneRowsFrom(values));
  const nextId = useRef(rows.length + 1);
  // Without JavaScript a blank row is always offered; with it, "Add a phone" adds rows on demand.
  const shown = hydrated ? rows : [...rows, { id: -1, number: '', type: 'MOBILE' }];
  return (
    <Section title={t('Sections.phones')}>
      <input type="hidden" name={FORM_FIELDS.phonesPresent} value="1" />
      <ErrorText name="phones" errors={errors.phones} t={t} />
      {shown.length === 0 ? <p className="text-slate-600">{t('Form.noPhone')}</p> : null}
      <ul className="space-y-4">
        {shown.map((row, index) => {
          const numberName = FORM_FIELDS.phoneNumber(index);
          const typeName = FORM_FIELDS.phoneType(index);
          return (
            <li key={row.id} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
              <div>
                <label htmlFor={fieldId(numberName)} className="block text-sm font-medium">
                  {t('Form.phoneNumber', { number: index + 1 })}
                </label>
                <input {...inputProps(numberName, errors)} type="tel" autoComplete="tel" defaultValue={row.number} />
                <ErrorText name={numberName} errors={errors[numberName]} t={t} />
              </div>
              <div>
                <label htmlFor={fieldId(typeName)} className="block text-sm font-medium">
                  {t('Form.phoneType', { number: index + 1 })}
                </label>
                <select {...inputProps(typeName, errors)} defaultValue={row.type}>
                  {PHONE_TYPE_CODES.map((type) => (
                    <option key={type} value={type}>
                      {t(`PhoneTypes.${type}`)}
                    </option>
                  ))}
                  {row.type && !(PHONE_TYPE_CODES as readonly string[]).includes(row.type) ? <option value={row.type}>{row.type}</option> : null}
                </select>
                <ErrorText name={typeName} errors={errors[typeName]} t={t} />
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
                  {t('Form.removePhone', { number: index + 1 })}
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
          {t('Form.addPhone')}
        </button>
      ) : (
        <p className="text-sm text-slate-600">{t('Form.removePhoneHint')}</p>
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

function AddressSection({ values, errors, countries, t }: { values: FormValues; errors: FieldErrors; countries: CountryOption[]; t: Translate }) {
  const countryName = 'address.country_code';
  const current = values[countryName] ?? '';
  return (
    <Section title={t('Sections.address')}>
      <input type="hidden" name={FORM_FIELDS.addressPresent} value="1" />
      <ErrorText name="address" errors={errors.address} t={t} />
      <div className="grid gap-4 sm:grid-cols-2">
        {ADDRESS_FIELDS.map((def) => {
          const name = `address.${def.key}`;
          return (
            <div key={def.key}>
              <label htmlFor={fieldId(name)} className="block text-sm font-medium">
                {t(`Fields.addressFields.${def.key}`)}
              </label>
              <input {...inputProps(name, errors)} type="text" autoComplete={def.autoComplete} defaultValue={values[name] ?? ''} />
              <ErrorText name={name} errors={errors[name]} t={t} />
            </div>
          );
        })}
        <div>
          <label htmlFor={fieldId(countryName)} className="block text-sm font-medium">
            {t('Fields.addressFields.country_code')}
          </label>
          <select {...inputProps(countryName, errors)} autoComplete="country" defaultValue={current}>
            <option value="">{t('Form.chooseCountry')}</option>
            {current && !countries.some((c) => c.code === current) ? <option value={current}>{current}</option> : null}
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <ErrorText name={countryName} errors={errors[countryName]} t={t} />
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

function StatusBanner({ state, t }: { state: SaveState; t: Translate }) {
  const alertRef = useFocusOnMount<HTMLDivElement>();
  if (state.status === 'saved') {
    return (
      <p id="form-status" role="status" className="rounded border border-green-300 bg-green-50 p-3 font-medium text-green-900">
        {t('Form.saved')}
      </p>
    );
  }
  if (state.status === 'nothing_to_save') {
    return (
      <p id="form-status" role="status" className="rounded border border-slate-300 bg-slate-100 p-3">
        {t('Form.nothingToSave')}
      </p>
    );
  }
  if (state.status === 'invalid') {
    const entries = Object.entries(state.fieldErrors);
    return (
      <div id="form-status" ref={alertRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
        <p className="font-medium">{t('Form.invalidIntro')}</p>
        <ul className="mt-1 list-disc pl-5">
          {state.formErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
          {entries.map(([name, errors]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="underline">
                {(errors as FieldError[]).map((error) => fieldErrorMessage(t, error)).join(' ')}
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
        <p>{failureMessage(t, state.reason, state.retryAfterSeconds)}</p>
        {state.reason === 'signed_out' ? (
          <p className="mt-2">
            <a href={signInPathFor('customer', '/account')} className="font-medium underline">
              {t('Form.signInAgain')}
            </a>
          </p>
        ) : null}
      </div>
    );
  }
  return <p id="form-status" className="sr-only" aria-live="polite" />;
}

function RestoredBanner({ onDiscard, t }: { onDiscard: () => void; t: Translate }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
      <p>{t('Form.restored')}</p>
      <button type="button" onClick={onDiscard} className="rounded border border-blue-400 px-3 py-1 text-sm hover:bg-white">
        {t('Form.discard')}
      </button>
    </div>
  );
}

function conflictLabel(key: string, t: Translate): string {
  return t.has(`Fields.${key}`) ? t(`Fields.${key}`) : key.replaceAll('_', ' ');
}

function ConflictPanel({ conflicts, t }: { conflicts: Conflict[]; t: Translate }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-4 rounded border border-amber-400 bg-amber-50 p-4">
      <p className="font-medium">{t('Form.conflictIntro')}</p>
      {conflicts.map((conflict) => (
        <fieldset key={conflict.key} className="rounded border border-amber-300 bg-white p-3">
          <legend className="px-1 font-medium">{conflictLabel(conflict.key, t)}</legend>
          <input type="hidden" name={CONFLICT_KEYS_FIELD} value={conflict.key} />
          <div className="mt-1 space-y-2">
            <label className="flex items-start gap-2">
              <input type="radio" name={resolveField(conflict.key)} value="mine" required className="mt-1" />
              <span>
                {t('Form.keepMine')} <ConflictValue value={conflict.mine} t={t} />
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name={resolveField(conflict.key)} value="theirs" required className="mt-1" />
              <span>
                {t('Form.useTheirs')} <ConflictValue value={conflict.current} t={t} />
              </span>
            </label>
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function ConfirmAddressPanel({ values, countries, pending, t }: { values: FormValues; countries: CountryOption[]; pending: boolean; t: Translate }) {
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
        {t('Form.confirmHeading')}
      </h2>
      <p>{t('Form.confirmBody')}</p>
      <address className="rounded border border-amber-300 bg-white p-3 not-italic" data-testid="address-to-confirm">
        {lines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </address>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name={INTENT_FIELD} value="keep_address" disabled={pending} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {t('Form.keepAddress')}
        </button>
        <button type="submit" name={INTENT_FIELD} value="edit_address" disabled={pending} className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-white disabled:opacity-60">
          {t('Form.editAddress')}
        </button>
      </div>
    </div>
  );
}
