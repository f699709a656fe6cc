import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_MESSAGE_NAMESPACES } from './_messages';

/**
 * The account area's client components (the form, the error boundary) translate in the browser:
 * only their messages travel there, and only this area loads the translation runtime.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  const clientMessages = Object.fromEntries(CLIENT_MESSAGE_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
  return <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>;
}
