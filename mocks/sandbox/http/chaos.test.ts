import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server.ts';
import { startSandbox } from '../server.ts';
import { ALICE, fixtureBundles } from '../testing/fixture-bundles.ts';
import { pickFault, seededRandom } from './chaos.ts';

/** A random source that replays the given values. */
function replay(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('pickFault', () => {
  it('hits about the given fraction of requests, with every fault kind', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const faults = Array.from({ length: 10_000 }, () => pickFault(0.2, random));
    const hit = faults.filter(Boolean).length / faults.length;
    expect(hit).toBeGreaterThan(0.17);
    expect(hit).toBeLessThan(0.23);
    expect(new Set(faults.filter(Boolean))).toEqual(
      new Set(['rate-limited', 'unavailable', 'dropped', 'slow']),
    );
    expect(pickFault(0, random)).toBeUndefined();
  });
});

describe('seededRandom', () => {
  it('replays the same values for the same seed, other values for another, all in [0, 1)', () => {
    const take = (random: () => number) => Array.from({ length: 1000 }, random);
    const first = take(seededRandom(20260));
    expect(take(seededRandom(20260))).toEqual(first);
    expect(take(seededRandom(20261))).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = first.reduce((sum, value) => sum + value, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('gives the same faults for the same seed', () => {
    const faults = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 200 }, () => pickFault(0.2, random));
    };
    expect(faults(7)).toEqual(faults(7));
    expect(new Set(faults(7).filter(Boolean)).size).toBe(4);
  });
});

describe('SANDBOX_CHAOS on the running server', () => {
  let sandbox: RunningSandbox;
  // Each request draws twice: "is it hit?" (0 = yes) then which fault (0.1, 0.3, 0.6, 0.9 = the four kinds).
  const random = replay([0, 0.1, 0, 0.3, 0, 0.6, 0, 0.9]);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, bundles: fixtureBundles(), now: '2026-12-01', chaos: 1, random });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers 429 with Retry-After, 503, a dropped connection, then a slow but correct answer', async () => {
    const token = sandbox.issueAccessToken({ scope: 'user/*.rs' });
    const get = () =>
      fetch(`${sandbox.fhirBase}/Patient/${ALICE}`, { headers: { authorization: `Bearer ${token}` } });
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await get()).status).toBe(503);
    await expect(get()).rejects.toThrow();
    const started = performance.now();
    const slow = await get();
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
  });
});
