/**
 * ISO 639-1 language codes (the standard's fixed list of two-letter codes). Their names come from
 * the platform (`Intl.DisplayNames`) in the interface language, never from a hand-written table.
 */
const ISO_639_1 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
  'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik ' +
  'io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml ' +
  'mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd ' +
  'se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi ' +
  'vo wa wo xh yi yo za zh zu'
).split(' ');

export type LanguageOption = { code: string; name: string };

const optionsByLocale = new Map<string, LanguageOption[]>();

/**
 * Every ISO 639-1 language, valued upper-case as the API stores it (`FR`), named and sorted for
 * `uiLocale`; computed once per locale.
 */
export function languageOptions(uiLocale: string): LanguageOption[] {
  let options = optionsByLocale.get(uiLocale);
  if (!options) {
    const names = displayNames(uiLocale);
    const collator = new Intl.Collator(uiLocale);
    options = ISO_639_1.map((code) => ({ code: code.toUpperCase(), name: capitalize(names?.of(code) ?? code, uiLocale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    if (optionsByLocale.size < 50) optionsByLocale.set(uiLocale, options);
  }
  return options;
}

/** The name of a stored language code (`FR` → `French`/`français`); an unknown code is shown as stored. */
export function languageName(code: string | null, uiLocale: string): string | null {
  if (!code) return null;
  const lower = code.trim().toLowerCase();
  if (!ISO_639_1.includes(lower)) return code;
  return capitalize(displayNames(uiLocale)?.of(lower) ?? code, uiLocale);
}

function displayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' });
  } catch {
    return undefined;
  }
}

/** French names languages in lower case (`français`); a list reads better capitalised. */
function capitalize(name: string, locale: string): string {
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
