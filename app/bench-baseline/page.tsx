// A minimal dynamic page for `npm run bench`: the same server, layout and proxy as /account, but no
// upstream call and no form, so /account's throughput can be compared with Next's own per-request cost.
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Bench baseline' };

export default function BenchBaselinePage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Bench baseline</h1>
      <p>Rendered at {new Date().toISOString()}</p>
    </section>
  );
}
