import { describe, expect, it } from 'vitest';
import { environmentOptions } from './environment.ts';

describe('environmentOptions', () => {
  it('uses the documented defaults', () => {
    expect(environmentOptions({})).toMatchObject({
      port: 8080,
      appOrigin: 'http://127.0.0.1:5173',
      dataDir: undefined,
      now: undefined,
      tokenTtl: undefined,
      chaos: 0,
    });
  });

  it('reads every SANDBOX_ variable and APP_PORT', () => {
    expect(
      environmentOptions({
        SANDBOX_PORT: '9090',
        APP_PORT: '5999',
        SANDBOX_DATA: '/data',
        SANDBOX_NOW: '2026-11-20',
        SANDBOX_TOKEN_TTL: '30',
        SANDBOX_CHAOS: '0.2',
      }),
    ).toMatchObject({
      port: 9090,
      appOrigin: 'http://127.0.0.1:5999',
      dataDir: '/data',
      now: '2026-11-20',
      tokenTtl: 30,
      chaos: 0.2,
    });
  });

  it('SANDBOX_CHAOS_SEED gives a chaos random source that replays', () => {
    const a = environmentOptions({ SANDBOX_CHAOS: '0.2', SANDBOX_CHAOS_SEED: '42' }).random;
    const b = environmentOptions({ SANDBOX_CHAOS: '0.2', SANDBOX_CHAOS_SEED: '42' }).random;
    expect(a && b && [a(), a(), a()]).toEqual(b && [b(), b(), b()]);
    expect(environmentOptions({ SANDBOX_CHAOS: '0.2' }).random).toBeUndefined();
    expect(() => environmentOptions({ SANDBOX_CHAOS_SEED: 'x' })).toThrow(/SANDBOX_CHAOS_SEED/);
  });

  it('refuses values that would silently misbehave', () => {
    expect(() => environmentOptions({ SANDBOX_CHAOS: '20' })).toThrow(/fraction/);
    expect(() => environmentOptions({ SANDBOX_TOKEN_TTL: 'soon' })).toThrow(/SANDBOX_TOKEN_TTL/);
  });
});
