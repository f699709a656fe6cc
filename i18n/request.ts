import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getSession } from '@/lib/auth/session';
import { LOCALE_COOKIE, negotiateLocale, type Locale } from '@/lib/i18n/locales';

const MESSAGES = {
  en: () => import('../messages/en.json'),
  fr: () => import('../messages/fr.json'),
} satisfies Record<Locale, () => Promise<{ default: Record<string, unknown> }>>;

/**
 * The interface language of this request (no locale in URLs): the switcher's cookie, then the
 * signed-in customer's profile locale, then Accept-Language, then English. The profile locale is the
 * ID token's standard `locale` claim kept in the session: no upstream read just to pick a language.
 */
export default getRequestConfig(async () => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const cookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = negotiateLocale({
    cookie,
    profileLocale: cookie ? null : await sessionLocale(),
    acceptLanguage: requestHeaders.get('accept-language'),
  });
  return { locale, timeZone: 'UTC', messages: (await MESSAGES[locale]()).default };
});

async function sessionLocale(): Promise<string | null> {
  const session = await getSession();
  return session?.role === 'customer' ? session.locale : null;
}
