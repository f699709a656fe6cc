import Link from 'next/link';
import { signInPathFor } from '@/lib/auth/paths';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getConfig } from '@/lib/config';

export const metadata = { title: 'Sign in' };

/** next-auth sends sign-in errors here (`?error=`); the message stays generic on purpose. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const error = typeof params.error === 'string' ? params.error : undefined;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined, getConfig().APP_URL, '/account');
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          Signing in did not work. Please try again.
        </p>
      ) : null}
      <ul className="space-y-3">
        <li>
          <Link href={signInPathFor('customer', callbackUrl)} className="block rounded bg-brand px-4 py-3 text-center font-medium text-white hover:bg-brand-dark">
            Sign in with my Club Med account
          </Link>
        </li>
        <li>
          <Link href={signInPathFor('staff', '/staff')} className="block rounded border border-slate-400 px-4 py-3 text-center font-medium hover:bg-white">
            Staff sign-in
          </Link>
        </li>
      </ul>
    </section>
  );
}
