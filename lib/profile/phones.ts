/**
 * Phone numbers. Uses libphonenumber-js with its `min` metadata (~80 kB instead of ~155 kB for
 * `max`): we only block *impossible* numbers (possible lengths, P6), format, and find the country,
 * and `min` carries all of that. `max` adds per-type patterns (mobile vs fixed line) that we do
 * not use, and keeping one metadata set means client hints and server checks always agree.
 */
import {
  Metadata,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';

export type { CountryCode };

export type PhoneParseResult =
  | { ok: true; e164: string; country: CountryCode | undefined }
  | { ok: false; code: 'invalid_phone' | 'phone_extension' };

/** Longer input is not a phone number; checked before any parsing work (F3). */
export const PHONE_INPUT_MAX_LENGTH = 50;

const FALLBACK_COUNTRY: CountryCode = 'FR';

/** What a phone number may be written with: digits (any script), separators and a leading `+`. */
const PHONE_CHARS = /^\+?[\p{Nd}\s.\-()/]+$/u;

/**
 * An extension written after the number: `poste 12`, `x12`, `ext. 12`, `extension 12`, `#12`,
 * `;ext=12`. Extensions are refused rather than silently dropped: the API stores plain numbers.
 */
const EXTENSION =
  /(?:#|;\s*ext\s*=|(?:\b|(?<=\d))(?:poste|extension|extn|ext|x|anexo|durchwahl|interno)\.?)\s*:?\s*\p{Nd}{1,7}\s*$/iu;

/**
 * Parses a number typed by a customer. The default country is required so `0685123456` with a
 * French address is a French mobile and not a guess (P2). Letters are never read as digits
 * (`0800-FLOWERS` is refused), and only impossible numbers are refused (P6): a possible number in
 * a range the metadata does not know is left to the API.
 */
export function parsePhone(input: string, defaultCountry: CountryCode): PhoneParseResult {
  const text = input.trim();
  if (text.length > PHONE_INPUT_MAX_LENGTH) return { ok: false, code: 'invalid_phone' };
  if (EXTENSION.test(text)) return { ok: false, code: 'phone_extension' };
  if (!PHONE_CHARS.test(text)) return { ok: false, code: 'invalid_phone' };
  const parsed = parseStrict(text, defaultCountry);
  if (!parsed) return { ok: false, code: 'invalid_phone' };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

function parseStrict(text: string, defaultCountry: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed || parsed.ext || !parsed.isPossible()) return undefined;
  if (keptTrunkPrefix(parsed)) return undefined;
  return parsed;
}

/**
 * A national number one digit short (`06 23 45 67 8`) can still have a "possible" length once its
 * trunk prefix is read as part of the number (`+33 062345678`). Where a country dials a trunk
 * prefix (FR: 0), a number that still starts with it is impossible.
 */
function keptTrunkPrefix(parsed: PhoneNumber): boolean {
  if (!parsed.country) return false;
  const metadata = new Metadata();
  metadata.selectNumberingPlan(parsed.country);
  // nationalPrefix() exists at run time but is missing from the published types.
  const plan = metadata.numberingPlan as { nationalPrefix?: () => string | undefined } | undefined;
  const trunkPrefix = plan?.nationalPrefix?.();
  return Boolean(trunkPrefix) && parsed.nationalNumber.startsWith(trunkPrefix!);
}

/**
 * True when two spellings are the same number (`06 23 45 67 89` and `+33623456789`, P1).
 * Numbers that do not parse (legacy data) are compared by their digits.
 */
export function samePhoneNumber(a: string, b: string, defaultCountry: CountryCode): boolean {
  const left = parsePhone(a, defaultCountry);
  const right = parsePhone(b, defaultCountry);
  if (left.ok && right.ok) return left.e164 === right.e164;
  return digitsOf(a) === digitsOf(b);
}

/** A leading `+` (it changes the meaning) followed by the digits alone. */
function digitsOf(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/**
 * The country used to read numbers typed without a `+`: the address's country when it is a
 * phone region (overseas departments such as RE, GP, MQ are their own regions), else the region
 * of the profile locale (`fr-FR`, `fr_FR`, `en-us`), else France.
 */
export function defaultPhoneCountry(
  address: { country_code: string | null } | null,
  locale: string | null,
): CountryCode {
  return (
    phoneRegion(address?.country_code ?? null) ?? phoneRegion(localeRegion(locale)) ?? FALLBACK_COUNTRY
  );
}

function phoneRegion(code: string | null): CountryCode | undefined {
  if (!code) return undefined;
  const upper = code.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

/** The region subtag of a locale, tolerant of `_` and POSIX suffixes; never throws (L1). */
function localeRegion(locale: string | null): string | null {
  if (!locale) return null;
  const tag = locale.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  try {
    return new Intl.Locale(tag).region ?? null;
  } catch {
    return null;
  }
}

/**
 * How a stored number is shown: national format (`06 23 45 67 89`) for the default country,
 * international (`+44 20 7946 0958`) for others, and the stored text itself when it does not parse.
 */
export function formatPhoneForDisplay(number: string, defaultCountry: CountryCode): string {
  const parsed = parsePhoneNumberFromString(number.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) return number;
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}
