import { seededRandom } from './http/chaos.ts';
import type { StartSandboxOptions } from './server.ts';

function number(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined || value === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative number, got ${value}`);
  }
  return parsed;
}

/**
 * Reads the sandbox's environment: SANDBOX_PORT, APP_PORT, SANDBOX_DATA, SANDBOX_NOW, SANDBOX_TOKEN_TTL
 * SANDBOX_CHAOS and SANDBOX_CHAOS_SEED (replays the same faults; default: a new random run each time).
 */
export function environmentOptions(env: NodeJS.ProcessEnv): StartSandboxOptions {
  const appPort = number('APP_PORT', env.APP_PORT, 5173);
  const chaos = number('SANDBOX_CHAOS', env.SANDBOX_CHAOS, 0) ?? 0;
  if (chaos > 1) {
    throw new Error(`SANDBOX_CHAOS is a fraction from 0 to 1, got ${chaos}`);
  }
  const seed = number('SANDBOX_CHAOS_SEED', env.SANDBOX_CHAOS_SEED, undefined);
  return {
    port: number('SANDBOX_PORT', env.SANDBOX_PORT, 8080),
    appOrigin: `http://127.0.0.1:${appPort}`,
    dataDir: env.SANDBOX_DATA || undefined,
    now: env.SANDBOX_NOW || undefined,
    tokenTtl: number('SANDBOX_TOKEN_TTL', env.SANDBOX_TOKEN_TTL, undefined),
    chaos,
    ...(seed === undefined ? {} : { random: seededRandom(seed) }),
  };
}
