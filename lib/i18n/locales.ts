/**
 * Which language the interface speaks, and which market locale the Club Med API is asked for.
 * Pure functions: no request, cookie or Intl call here can throw on a malformed tag (L1, L2).
 */

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language switcher's choice, remembered for a year. */
export const LOCALE_COOKIE = 'locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/** Market locales the customer API serves (contract.md, common rules). */
export const MARKET_LOCALES = [
  'fr-FR',
  'en-US',
  'en-GB',
  'fr-BE',
  'nl-BE',
  'fr-CH',
  'de-CH',
  'es-ES',
  'it-IT',
  'pt-BR',
  'ja-JP',
  'zh-CN',
  'ko-KR',
] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `fr_FR`, `fr-fr`, ` FR-FR ` → `fr-FR`; null when the text is not a well-formed tag. Never throws. */
export function canonicalTag(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null;
  const text = tag.trim().replaceAll('_', '-');
  if (!text || text.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}

/** The interface locale a tag asks for (`fr-CA` → `fr`), or null for an unsupported or malformed tag. */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  const canonical = canonicalTag(tag);
  if (!canonical) return null;
  const language = canonical.split('-')[0]?.toLowerCase();
  return isLocale(language) ? language : null;
}

/**
 * The best supported locale of an `Accept-Language` header, by quality then order; `*` and
 * `q=0` entries never choose one. `pt-BR,de;q=0.8,*` → null (the caller falls back to English).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const entries = header
    .slice(0, 1_000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((piece) => piece.trim());
      const q = params.find((param) => /^q=/i.test(param));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of entries) {
    const locale = localeFromTag(entry.tag);
    if (locale) return locale;
  }
  return null;
}

export type LocaleSources = {
  /** The `locale` cookie written by the language switcher. */
  cookie?: string | null;
  /** The signed-in customer's profile `locale` (e.g. `fr-FR`), as stored. */
  profileLocale?: string | null;
  acceptLanguage?: string | null;
};

/** The switcher's choice, then the profile's locale, then the browser's languages, then English. */
export function negotiateLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromTag(sources.profileLocale) ?? localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * The `accept-language` sent upstream: the profile's locale when it is a market the API serves
 * (`fr_FR` → `fr-FR`), else the configured default market. The stored locale itself is never
 * rewritten: it is read-only upstream and shown as received.
 */
export function marketLocaleFor(profileLocale: string | null | undefined, defaultMarket: string): string {
  const canonical = canonicalTag(profileLocale);
  const market = MARKET_LOCALES.find((candidate) => candidate.toLowerCase() === canonical?.toLowerCase());
  return market ?? defaultMarket;
}
