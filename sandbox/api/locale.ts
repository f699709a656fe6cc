/** Market locales the customer API serves (contract.md, common rules). */
export const SUPPORTED_LOCALES = [
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

const BY_LOWER = new Map(SUPPORTED_LOCALES.map((locale) => [locale.toLowerCase(), locale]));

/**
 * The request's market locale, or null when the header is missing or its first tag is not a
 * supported market. `fr-FR,fr;q=0.9` reads as `fr-FR`; matching is case-insensitive.
 */
export function parseAcceptLanguage(header: string | undefined): string | null {
  if (!header) return null;
  const first = header.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  return (first && BY_LOWER.get(first)) ?? null;
}
