import { beforeAll, describe, expect, it } from 'vitest';
import { AOIFE, api, customerToken, hook, JOSE, resetSandbox, staffToken, TOM } from './helpers';

type Result = Record<string, unknown> & { id: string };

async function search(query: string, token?: string) {
  return api(`/v1/customers${query}`, { token: token ?? (await staffToken()) });
}

async function ids(query: string): Promise<string[]> {
  const res = await search(query);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return ((await res.json()) as Result[]).map((row) => row.id);
}

const filter = (expression: string) => `filter=${encodeURIComponent(expression)}`;

beforeAll(resetSandbox);

describe('GET /v1/customers (staff search)', () => {
  it('returns the summary shape', async () => {
    const res = await search(`?${filter('email==tom@example.com')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      {
        id: TOM,
        gm_number: '123456789',
        civility: null,
        first_name: 'Tom',
        last_name: 'Smith',
        email: 'tom@example.com',
        birthdate: null,
        phones: [{ number: '0623456789', type: 'MOBILE' }],
        address: expect.objectContaining({ city: 'Aix-en-Provence', zip_code: '75000', country_code: 'FR' }),
        loyalty_program: expect.objectContaining({ status: 'GOLD', points: 1200 }),
      },
    ]);
  });

  it('filters exactly, case-insensitively for text, on email, last_name, gm_number and phones.number', async () => {
    expect(await ids(`?${filter('email==TOM@EXAMPLE.COM')}`)).toEqual([TOM]);
    expect(await ids(`?${filter('email==tom@example')}`)).toEqual([]);
    expect(await ids(`?${filter("last_name==o'brien")}`)).toEqual([AOIFE]);
    expect(await ids(`?${filter('last_name==Smit')}`)).toEqual([]);
    expect(await ids(`?${filter('gm_number==000482913')}`)).toEqual([AOIFE]);
    expect(await ids(`?${filter('gm_number==482913')}`)).toEqual([]);
    expect(await ids(`?${filter('phones.number==0623456789')}`)).toEqual([TOM]);
  });

  it('combines filters with AND', async () => {
    expect(await ids(`?${filter('last_name==Smith')}&${filter('gm_number==123456789')}`)).toEqual([TOM]);
    expect(await ids(`?${filter('last_name==Smith')}&${filter('gm_number==000482913')}`)).toEqual([]);
  });

  it('pages with limit (default 20, max 100) and 1-based page', async () => {
    for (let i = 0; i < 25; i++) {
      await hook(`/customers/${900000000 + i}`, { method: 'POST', body: { last_name: 'Martin', email: `martin${i}@example.fr` } });
    }
    const all = await ids(`?${filter('last_name==martin')}`);
    expect(all).toHaveLength(20);
    const res = await search(`?${filter('last_name==martin')}&limit=10&page=3`);
    expect(res.headers.get('x-total-count')).toBe('25');
    expect(((await res.json()) as Result[]).map((row) => row.id)).toEqual(
      Array.from({ length: 5 }, (_, i) => String(900000020 + i)),
    );
    expect(await ids(`?${filter('last_name==martin')}&limit=100`)).toHaveLength(25);
    expect(await ids(`?${filter('last_name==martin')}&page=9`)).toEqual([]);
  });

  it('400 on a bad filter, limit or page', async () => {
    for (const query of [
      `?${filter('first_name==Tom')}`,
      `?${filter('email=tom@example.com')}`,
      `?${filter('email==')}`,
      '?limit=0',
      '?limit=101',
      '?limit=abc',
      '?page=0',
    ]) {
      const res = await search(query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { errors: { concerned_key: string }[] };
      expect(['filter', 'limit', 'page']).toContain(body.errors[0]!.concerned_key);
    }
  });

  it('403 for a customer token, 401 without a staff or customer token', async () => {
    expect((await search(`?${filter('email==tom@example.com')}`, await customerToken(JOSE))).status).toBe(403);
    expect((await api('/v1/customers', { token: null })).status).toBe(401);
    expect((await api('/v1/customers', { token: await staffToken(), apiKey: 'wrong' })).status).toBe(401);
  });
});
