import Link from 'next/link';

export const metadata = { title: 'Signed out' };

export default function SignedOutPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-semibold">You are signed out</h1>
      <p>
        <Link href="/" className="text-brand underline">Sign in again</Link>
      </p>
    </section>
  );
}
