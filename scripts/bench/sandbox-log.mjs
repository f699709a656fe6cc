// The sandbox's request log (`/__sandbox/requests`): customer-API calls only, with a sequence number.
export function sandboxLog(sandboxUrl, apiKey) {
  const get = async (since) => {
    const response = await fetch(`${sandboxUrl}/__sandbox/requests?since=${since}`, {
      headers: { 'x-api-key': apiKey },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`sandbox /__sandbox/requests answered ${response.status}`);
    return response.json();
  };
  return {
    /** Sequence number of the last logged call. */
    mark: async () => (await get(Number.MAX_SAFE_INTEGER)).last_seq,
    since: async (seq) => (await get(seq)).requests,
  };
}

/** {GET: n, PATCH: n, calls: [...]} of a slice of the log. */
export function countCalls(requests) {
  const counts = { GET: 0, PATCH: 0, other: 0 };
  for (const r of requests) {
    if (r.method === 'GET' || r.method === 'PATCH') counts[r.method] += 1;
    else counts.other += 1;
  }
  return { ...counts, calls: requests.map((r) => `${r.method} ${r.path} → ${r.status}`) };
}
