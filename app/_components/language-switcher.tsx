import { useLocale, useTranslations } from 'next-intl';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { setLocaleAction } from './locale-actions';

/** Each language named in itself (`English`, `Français`), so anyone can find their own. */
function endonym(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export function LanguageSwitcher() {
  const t = useTranslations('Header');
  const current = useLocale();
  return (
    <form action={setLocaleAction} aria-label={t('language')} className="flex items-center gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-2 py-1 ${locale === current ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
        >
          {endonym(locale)}
        </button>
      ))}
    </form>
  );
}
