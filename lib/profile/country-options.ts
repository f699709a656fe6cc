import { COUNTRY_CODES } from './countries';

export type CountryOption = { code: string; name: string };


const optionsByLocale = new Map<string, CountryOption[]>();

/**
 * Country names from the platform (`Intl.DisplayNames`) in the interface language, sorted for that
 * language. Computed once per locale: naming and sorting 250 countries on every page view is not free.
 */
export function countryOptions(uiLocale: string): CountryOption[] {
  let options = optionsByLocale.get(uiLocale);
  if (!options) {
    const names = safeDisplayNames(uiLocale);
    const collator = new Intl.Collator(uiLocale);
    options = COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    if (optionsByLocale.size < 50) optionsByLocale.set(uiLocale, options);
  }
  return options;
}

export function countryName(code: string | null, uiLocale: string): string | null {
  if (!code) return null;
  return safeDisplayNames(uiLocale)?.of(code.toUpperCase()) ?? code;
}

function safeDisplayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
  } catch {
    return undefined;
  }
}
