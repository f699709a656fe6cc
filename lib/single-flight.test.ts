import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('runs concurrent calls with the same key once and gives both the result', async () => {
    let runs = 0;
    let release!: (value: string) => void;
    const work = () => {
      runs++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = singleFlight('save:1', work);
    const second = singleFlight('save:1', work);
    release('done');
    await expect(Promise.all([first, second])).resolves.toEqual(['done', 'done']);
    expect(runs).toBe(1);
  });

  it('runs again once the first call has settled, and keeps keys apart', async () => {
    let runs = 0;
    const work = async () => ++runs;
    await singleFlight('a', work);
    await singleFlight('a', work);
    await singleFlight('b', work);
    expect(runs).toBe(3);
  });

  it('shares a failure with the joined caller and then forgets it', async () => {
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error('upstream down');
    };
    const results = await Promise.allSettled([singleFlight('x', failing), singleFlight('x', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(singleFlight('x', async () => 'ok')).resolves.toBe('ok');
    expect(runs).toBe(1);
  });
});
