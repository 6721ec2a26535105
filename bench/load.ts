/**
 * load.*: one scenario patient's record loaded through the msw sandbox handlers with an injected latency,
 * by the app's own loader (one parallel wave, then next pages) and by a naive loader (one request after
 * another, each page in turn, as the DTR reference app does), in the same run on the same mock.
 */
import { setupServer } from 'msw/node';
import { createSandboxHandlers, handlersFor } from '../mocks/msw/sandbox-handlers.ts';
import { configFrom } from '../src/config/load-config.ts';
import { memoryCapabilityCache } from '../src/fhir/capability.ts';
import { loadPatientRecord } from '../src/fhir/load-record.ts';
import type { LoadedRecord } from '../src/fhir/load-result.ts';
import { planReads } from '../src/fhir/read-plan.ts';
import { recordFromEntries } from '../src/fhir/record/index.ts';
import type { FhirSession } from '../src/fhir/session.ts';
import { naiveLoad } from './naive-loader.ts';
import { median, round2 } from './stats.ts';

const BASE = 'https://bench.sandbox.test/fhir';

/** The measured figures for `load`. */
export interface LoadFigures {
  readonly rtt_ms: number;
  readonly parallel_ms: number;
  readonly serial_ms: number;
  readonly ratio_to_rtt: number;
  /** Requests each loader made, and how many resources they brought back. */
  readonly detail: {
    readonly patient: string;
    readonly pageSize: number;
    readonly parallelRequests: number;
    readonly serialRequests: number;
    readonly types: number;
    readonly typesWithTwoPages: readonly string[];
    readonly resources: number;
  };
}

/** Options: the injected latency, the scenario patient and the page size (small, so one type pages). */
export interface LoadBenchOptions {
  readonly rttMs: number;
  readonly patient?: string;
  readonly pageSize?: number;
  /** Timed rounds of each loader (default 3). */
  readonly rounds?: number;
}

function countResources(loaded: LoadedRecord): number {
  return loaded.progress.reduce((sum, p) => sum + (p.state === 'done' ? p.count : 0), 0);
}

/** Runs both loaders against one msw sandbox; throws when the record does not load or the loaders disagree. */
export async function benchLoad(options: LoadBenchOptions): Promise<LoadFigures> {
  const patient = options.patient ?? 'meets-all';
  const pageSize = options.pageSize ?? 3;
  const { handlers, sandbox } = await createSandboxHandlers({ base: BASE, now: '2026-11-20' });
  let requests = 0;
  const msw = setupServer(...handlers);
  msw.events.on('request:start', () => {
    requests += 1;
  });
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    const token = sandbox.issueAccessToken({ scope: 'launch openid fhirUser patient/*.rs', patient });
    const session: FhirSession = {
      serverUrl: BASE,
      launchId: 'bench',
      patientId: patient,
      fhirUser: 'Practitioner/sandbox-case-manager',
      grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'],
      needPatientBanner: true,
      authorized: true,
      authorization: async () => `Bearer ${token}`,
      refresh: async () => false,
    };
    const config = configFrom({ paging: { pageSize, pageLimit: 10 } });
    const loadOptions = () => ({ capabilityCache: memoryCapabilityCache() });
    // Warm-up without latency (modules, schemas, the sandbox's caches), and the reads the app keeps once it
    // knows the CapabilityStatement: the naive loader reads exactly those, no more.
    const warm = await loadPatientRecord(session, config, loadOptions());
    const kept = new Set(warm.progress.filter((p) => p.state === 'done').map((p) => p.resourceType));
    const tasks = planReads(session, config, patient).filter((task) => kept.has(task.resourceType));
    await naiveLoad(session, tasks);

    msw.resetHandlers(...handlersFor(sandbox, { latencyMs: options.rttMs }));
    // Alternately, `rounds` times each; the medians are reported.
    const parallelTimes: number[] = [];
    const serialTimes: number[] = [];
    let loaded: LoadedRecord | undefined;
    let naive: Awaited<ReturnType<typeof naiveLoad>> | undefined;
    let parallelRequests = 0;
    for (let round = 0; round < (options.rounds ?? 3); round += 1) {
      requests = 0;
      const started = performance.now();
      loaded = await loadPatientRecord(session, config, loadOptions());
      parallelTimes.push(performance.now() - started);
      parallelRequests = requests;
      const serialStarted = performance.now();
      naive = await naiveLoad(session, tasks);
      serialTimes.push(performance.now() - serialStarted);
    }
    const parallelMs = median(parallelTimes);
    const serialMs = median(serialTimes);
    if (!loaded || !naive) {
      throw new Error('load bench: no rounds');
    }

    if (!loaded.record) {
      throw new Error(`load bench: ${patient} did not load (${loaded.problems.join('; ')})`);
    }
    const naiveRecord = recordFromEntries(naive.entries, {
      patientId: patient,
      medicationSource: loaded.medicationSource,
      user: 'Practitioner/sandbox-case-manager',
    }).record;
    if (JSON.stringify(naiveRecord) !== JSON.stringify(loaded.record)) {
      throw new Error('load bench: the naive loader did not build the same record as the app');
    }
    const done = loaded.progress.filter((p) => p.state === 'done' && p.count > 0);
    return {
      rtt_ms: options.rttMs,
      parallel_ms: Math.round(parallelMs),
      serial_ms: Math.round(serialMs),
      ratio_to_rtt: round2(parallelMs / options.rttMs),
      detail: {
        patient,
        pageSize,
        parallelRequests,
        serialRequests: naive.requests,
        types: done.length,
        typesWithTwoPages: done.filter((p) => p.pages >= 2).map((p) => p.resourceType),
        resources: countResources(loaded),
      },
    };
  } finally {
    msw.close();
  }
}
