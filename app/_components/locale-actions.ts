'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getConfig } from '@/lib/config';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, isLocale } from '@/lib/i18n/locales';

/**
 * The language switcher: remembers the choice in a cookie and goes back to the page it was made
 * on (works without JavaScript: a plain form post). Anything but a supported locale is ignored.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  const appUrl = getConfig().APP_URL;
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
      sameSite: 'lax',
      httpOnly: true,
      secure: appUrl.startsWith('https://'),
    });
  }
  redirect(safeCallbackPath((await headers()).get('referer'), appUrl, '/'));
}
