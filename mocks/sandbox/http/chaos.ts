import { operationOutcome } from '../fhir/operation-outcome.ts';
import type { SandboxResponse } from './exchange.ts';
import { fhirJson } from './exchange.ts';

/** The faults chaos mode injects. */
export type ChaosFault = 'rate-limited' | 'unavailable' | 'dropped' | 'slow';

const FAULTS: readonly ChaosFault[] = ['rate-limited', 'unavailable', 'dropped', 'slow'];

/** Milliseconds a "slow" response is held back. */
export const SLOW_RESPONSE_MS = 1500;

/**
 * A repeatable random source in [0, 1) for a seed (mulberry32), so a chaos run can be replayed: the same seed
 * and the same order of requests give the same faults.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Picks the fault for one FHIR request: with probability `fraction`, one of the four at random; otherwise none.
 */
export function pickFault(fraction: number, random: () => number): ChaosFault | undefined {
  if (fraction <= 0 || random() >= fraction) {
    return undefined;
  }
  return FAULTS[Math.min(FAULTS.length - 1, Math.floor(random() * FAULTS.length))];
}

/**
 * The response for a fault that answers before the request runs (429 with Retry-After, 503), or undefined
 * when the request runs first: "dropped" cuts the connection after the server has acted (the case that
 * makes a client retry a write it does not know succeeded), and "slow" answers late.
 */
export function faultBefore(fault: ChaosFault): SandboxResponse | undefined {
  switch (fault) {
    case 'rate-limited':
      return fhirJson(429, operationOutcome('throttled', 'Too many requests (sandbox chaos)'), {
        'retry-after': '1',
      });
    case 'unavailable':
      return fhirJson(503, operationOutcome('transient', 'Service unavailable (sandbox chaos)'), {
        'retry-after': '1',
      });
    case 'dropped':
    case 'slow':
      return undefined;
  }
}

/** Applies a fault that acts after the request ran. */
export function faultAfter(fault: ChaosFault | undefined, response: SandboxResponse): SandboxResponse {
  if (fault === 'dropped') {
    return { ...response, fault: 'drop' };
  }
  if (fault === 'slow') {
    return { ...response, delayMs: SLOW_RESPONSE_MS };
  }
  return response;
}
