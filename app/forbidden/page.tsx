import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p>Your account cannot open this page.</p>
      <p><Link href="/" className="text-brand underline">Go to the home page</Link></p>
    </section>
  );
}
