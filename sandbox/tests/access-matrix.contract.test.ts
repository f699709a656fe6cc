import { beforeEach, describe, expect, it } from 'vitest';
import { AOIFE, api, customerToken, lastSeq, resetSandbox, staffToken, storedProfile, TOM } from './helpers';

/**
 * The API-level access matrix (contract.md, "Token scope"): {no token, customer A, customer B, staff}
 * × {GET A, PATCH A, staff search}. A is Tom, B is Aoife. Every refused call writes nothing.
 */

type Caller = 'no token' | 'customer A' | 'customer B' | 'staff' | 'other staff';
type Operation = 'GET A' | 'PATCH A' | 'search';

const EXPECTED: Record<Caller, Record<Operation, number>> = {
  'no token': { 'GET A': 401, 'PATCH A': 401, search: 401 },
  'customer A': { 'GET A': 200, 'PATCH A': 204, search: 403 },
  'customer B': { 'GET A': 403, 'PATCH A': 403, search: 403 },
  staff: { 'GET A': 200, 'PATCH A': 403, search: 200 },
  'other staff': { 'GET A': 200, 'PATCH A': 403, search: 200 },
};

async function tokenOf(caller: Caller): Promise<string | null> {
  switch (caller) {
    case 'no token':
      return null;
    case 'customer A':
      return customerToken(TOM);
    case 'customer B':
      return customerToken(AOIFE);
    case 'staff':
      return staffToken('S1001');
    case 'other staff':
      return staffToken('S1002');
  }
}

function call(operation: Operation, token: string | null): Promise<Response> {
  switch (operation) {
    case 'GET A':
      return api(`/v2/customers/${TOM}/profile`, { token });
    case 'PATCH A':
      return api(`/v1/customers/${TOM}/profile`, { method: 'PATCH', token, body: { fourth_name: 'Matrix' } });
    case 'search':
      return api(`/v1/customers?filter=${encodeURIComponent('email==tom@example.com')}`, { token });
  }
}

const cells = (Object.keys(EXPECTED) as Caller[]).flatMap((caller) =>
  (Object.keys(EXPECTED[caller]) as Operation[]).map((operation) => ({ caller, operation, status: EXPECTED[caller][operation] })),
);

beforeEach(resetSandbox);

describe('access matrix (API)', () => {
  it.each(cells)('$caller × $operation → $status', async ({ caller, operation, status }) => {
    const before = await storedProfile(TOM);
    const res = await call(operation, await tokenOf(caller));
    expect(res.status).toBe(status);

    if (status >= 400) {
      expect(await res.json()).toMatchObject({ status_code: status, error: expect.any(String), error_description: expect.any(String) });
      // A refused call changes nothing.
      expect(await storedProfile(TOM)).toEqual(before);
      return;
    }
    if (operation === 'GET A') expect(await res.json()).toMatchObject({ email: 'tom@example.com', gm_number: TOM });
    if (operation === 'search') expect(((await res.json()) as { id: string }[]).map((row) => row.id)).toEqual([TOM]);
    if (operation === 'PATCH A') {
      expect(await res.text()).toBe('');
      expect(await storedProfile(TOM)).toEqual({ ...before, fourth_name: 'Matrix' });
    }
  });

  it('B cannot reach A by any spelling of A\'s id (the scope check compares the normalised id)', async () => {
    const token = await customerToken(AOIFE);
    for (const id of [`${TOM}/`, `%31${TOM.slice(1)}`, `${TOM}%2F`, `./${TOM}`]) {
      const res = await api(`/v2/customers/${id}/profile`, { token });
      expect([400, 403, 404], id).toContain(res.status);
    }
    const res = await api(`/v2/customers/${TOM}/profile?customer_id=${AOIFE}`, { token });
    expect(res.status).toBe(403);
  });

  it('logs who called, never the token', async () => {
    const since = await lastSeq();
    const token = await customerToken(AOIFE);
    await api(`/v2/customers/${TOM}/profile`, { token });
    const log = (await (await api(`/__sandbox/requests?since=${since}`, { token: null })).json()) as {
      requests: { method: string; path: string; status: number; caller: unknown }[];
    };
    expect(log.requests).toEqual([expect.objectContaining({ method: 'GET', path: `/v2/customers/${TOM}/profile`, status: 403, caller: { role: 'customer', id: AOIFE } })]);
    expect(JSON.stringify(log)).not.toContain(token);
  });
});
