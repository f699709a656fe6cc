/**
 * Reading the upstream profile (GET /v2/customers/{id}/profile). Lenient on purpose (design,
 * "Reading"): missing keys are null, unknown keys are kept in `extra`, enum values are plain
 * strings so `FAX` or `DIAMOND` are shown as received. Only a value of the wrong *type* for a key
 * we know fails the parse, because then we cannot render it truthfully.
 */
import { z } from 'zod';
import {
  ADDRESS_KEYS,
  EDITABLE_KEYS,
  EDITABLE_TEXT_KEYS,
  type Address,
  type AddressKey,
  type EditableProfile,
  type EditableTextKey,
  type Optin,
  type Phone,
  type Profile,
} from './types';

/** A string or nothing; the v2 rule says empty is null, and we hold upstream to it (`""` → null). */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === '' || value == null ? null : value));

const optionalBoolean = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);

const phoneSchema = z
  .object({ number: z.string(), type: z.string().nullish() })
  .transform(({ number, type }): Phone => ({ number, type: type ?? '' }));

const addressShape = Object.fromEntries(ADDRESS_KEYS.map((key) => [key, optionalText])) as Record<
  AddressKey,
  typeof optionalText
>;
const addressSchema = z
  .object(addressShape)
  .nullish()
  .transform((value): Address | null => value ?? null);

/** An optin without a value is read as "not consented", the only safe reading. */
const optinSchema = z
  .object({ channel: z.string(), optin: z.boolean().nullish(), optin_partners: z.boolean().nullish() })
  .transform(({ channel, optin, optin_partners }): Optin =>
    optin_partners === undefined
      ? { channel, optin: optin ?? false }
      : { channel, optin: optin ?? false, optin_partners },
  );

const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);

const loyaltyProgramSchema = z
  .object({
    status: optionalText,
    previous_status: optionalText,
    is_platinum_for_life: optionalBoolean,
    // A "year string" per the contract; a number is the other plausible answer.
    platinum_for_life_since: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value) => (value === '' || value == null ? null : String(value))),
    points: z
      .number()
      .nullish()
      .transform((value) => value ?? null),
  })
  .nullish()
  .transform((value) => value ?? null);

const identitySchema = z
  .object({ number: optionalText, type: optionalText })
  .nullish()
  .transform((value) => value ?? null);

const textShape = Object.fromEntries(EDITABLE_TEXT_KEYS.map((key) => [key, optionalText])) as Record<
  EditableTextKey,
  typeof optionalText
>;

const editableShape = {
  ...textShape,
  phones: listOf(phoneSchema),
  address: addressSchema,
  optins: listOf(optinSchema),
  personal_data_usage_allowed: optionalBoolean,
};

const profileSchema = z.object({
  ...editableShape,
  gm_number: optionalText,
  gender: optionalText,
  birthday: optionalText,
  identity: identitySchema,
  loyalty_program: loyaltyProgramSchema,
  customer_type: optionalText,
  customer_status: optionalText,
  locale: optionalText,
});

const editableProfileSchema = z.object(editableShape);

const KNOWN_KEYS = new Set<string>(Object.keys(profileSchema.shape));

export type ParseResult<T> = { ok: true; profile: T } | { ok: false; issues: string[] };

/** Parses a GET profile body; `ok: false` means "show the error page", never a crash. */
export function parseProfileResponse(json: unknown): ParseResult<Profile> {
  const result = profileSchema.safeParse(json);
  if (!result.success) return { ok: false, issues: describeIssues(result.error) };
  const extra = Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(([key]) => !KNOWN_KEYS.has(key)),
  );
  return { ok: true, profile: { ...result.data, extra } };
}

/**
 * Parses an `EditableProfile` sent back by the browser (the form's base, design rule 1). The base
 * only steers the diff; whatever it says, a PATCH can only carry editable keys.
 */
export function parseEditableProfile(json: unknown): ParseResult<EditableProfile> {
  const result = editableProfileSchema.safeParse(json);
  if (!result.success) return { ok: false, issues: describeIssues(result.error) };
  return { ok: true, profile: result.data };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

/** The editable part of a profile, copied so edits never reach the profile it came from. */
export function toEditable(profile: Profile): EditableProfile {
  const editable = Object.fromEntries(
    EDITABLE_KEYS.map((key) => [key, structuredClone(profile[key])]),
  ) as EditableProfile;
  return editable;
}
