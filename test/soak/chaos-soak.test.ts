/**
 * Chaos soak (issue 9 item 5): the real sandbox server with SANDBOX_CHAOS=0.2 (seeded), 20 launch → load →
 * evaluate → write runs over five patients and two months through the app's own loader and writer, four
 * users at a time. Every run ends written or with a retryable message; afterwards the server, read without
 * chaos, holds exactly one draft and one Provenance per patient and period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../mocks/patients/index.ts';
import { seededRandom } from '../../mocks/sandbox/http/chaos.ts';
import { type RunningSandbox, startSandbox } from '../../mocks/sandbox/server.ts';
import type { AppConfig } from '../../src/config/app-config.ts';
import { configFrom } from '../../src/config/load-config.ts';
import { DRAFT_IDENTIFIER_SYSTEM } from '../../src/domain/draft/urls.ts';
import { loadNodeR4Validator } from '../../src/validate/node-definitions.ts';
import type { R4Validator } from '../../src/validate/r4.ts';
import { type RunReport, type RunSpec, runOnce } from './soak-run.ts';

const TODAY = '2026-11-20';
const CHAOS = 0.2;
const SEED = 20260912;
const LANES = 4;
const OCTOBER = { start: '2026-10-01', end: '2026-10-31' };
const NOVEMBER = { start: '2026-11-01', end: '2026-11-30' };

/** Patients, the draft each user writes, and the payer policy its identifier must name. */
const PATIENTS = [
  { patient: 'meets-all', kind: 'chargeitem', policy: 'default' },
  { patient: 'missing-care-coordination', kind: 'chargeitem', policy: 'default' },
  { patient: 'missing-problem-list-review', kind: 'chargeitem', policy: 'default' },
  { patient: 'payer-medicare', kind: 'chargeitem', policy: 'medicare' },
  { patient: 'payer-aetna', kind: 'claim', policy: 'aetna' },
] as const;

const PAIRS: RunSpec[] = PATIENTS.flatMap(({ patient, kind }) =>
  [OCTOBER, NOVEMBER].map((period) => ({ patient, period, kind })),
);
/** Every patient and period twice: the second run is a later visit that must find the first one's draft. */
const RUNS: RunSpec[] = [...PAIRS, ...PAIRS];

type Fault = 'rate-limited' | 'unavailable' | 'dropped' | 'slow';

interface Entry {
  resource: { resourceType: string; id: string; identifier?: Array<{ system?: string; value?: string }> };
}

describe(
  'chaos soak: 20 runs through the app’s loader and writer against the sandbox',
  { timeout: 90_000 },
  () => {
    let sandbox: RunningSandbox;
    let validator: R4Validator;
    let config: AppConfig;
    let chaosOn = true;
    const realFetch = globalThis.fetch;
    const faults: Record<Fault, number> = { 'rate-limited': 0, unavailable: 0, dropped: 0, slow: 0 };
    let fhirRequests = 0;

    beforeAll(async () => {
      const seeded = seededRandom(SEED);
      [sandbox, validator] = await Promise.all([
        startSandbox({
          port: 0,
          now: TODAY,
          chaos: CHAOS,
          // Returning 1 never picks a fault: the final check reads the server without chaos.
          random: () => (chaosOn ? seeded() : 1),
          bundles: scenarios
            .filter((s) => PATIENTS.some((p) => p.patient === s.id))
            .map((s) => ({ name: s.id, bundle: s.bundle as never })),
        }),
        loadNodeR4Validator(),
      ]);
      config = configFrom();
      // Counts the faults the app met, as the app saw them.
      globalThis.fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!url.startsWith(sandbox.fhirBase) || !chaosOn) {
          return realFetch(input, init);
        }
        fhirRequests += 1;
        const started = performance.now();
        try {
          const response = await realFetch(input, init);
          if (response.status === 429) {
            faults['rate-limited'] += 1;
          } else if (response.status === 503) {
            faults.unavailable += 1;
          } else if (performance.now() - started >= 1400) {
            faults.slow += 1;
          }
          return response;
        } catch (error) {
          if (!(init?.signal?.aborted ?? false)) {
            faults.dropped += 1;
          }
          throw error;
        }
      };
    }, 60_000);

    afterAll(async () => {
      globalThis.fetch = realFetch;
      await sandbox?.close();
    });

    async function search(query: string): Promise<Entry[]> {
      const token = sandbox.issueAccessToken({ scope: 'user/*.rs' });
      const response = await realFetch(`${sandbox.fhirBase}/${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { entry?: Entry[] }).entry ?? [];
    }

    it('every run ends written or with a retryable message; one draft and one Provenance per patient and period', async () => {
      const started = performance.now();
      const reports: RunReport[] = [];
      let next = 0;
      const context = { sandbox, config, validator, asOf: TODAY, maxLaunches: 4, maxPresses: 5 };
      await Promise.all(
        Array.from({ length: LANES }, async () => {
          while (next < RUNS.length) {
            const index = next++;
            const spec = RUNS[index];
            if (spec) {
              reports[index] = await runOnce(context, spec, index);
            }
          }
        }),
      );
      const soakMs = Math.round(performance.now() - started);
      chaosOn = false;

      // The server, read without chaos: exactly one draft per patient and period, with its Provenance.
      const drafts: Array<{ patient: string; start: string; policy: string; location: string }> = [];
      for (const { patient } of PATIENTS) {
        for (const type of ['ChargeItem', 'Claim']) {
          for (const entry of await search(`${type}?patient=Patient/${patient}&_count=100`)) {
            const value =
              entry.resource.identifier?.find((i) => i.system === DRAFT_IDENTIFIER_SYSTEM)?.value ?? '';
            const [, , start = '', , policy = ''] = value.split('_');
            drafts.push({ patient, start, policy, location: `${type}/${entry.resource.id}` });
          }
        }
      }
      const perPair = PAIRS.map((pair) => ({
        pair: `${pair.patient} ${pair.period.start.slice(0, 7)}`,
        drafts: drafts.filter((d) => d.patient === pair.patient && d.start === pair.period.start),
      }));
      const setbacks = reports.flatMap((r) => r.setbacks);
      const byKind = (step: string) =>
        Object.fromEntries(
          [...new Set(setbacks.filter((s) => s.step === step).map((s) => s.kind))].map((kind) => [
            kind,
            setbacks.filter((s) => s.step === step && s.kind === kind).length,
          ]),
        );
      const summary = {
        seed: SEED,
        chaos: CHAOS,
        runs: reports.length,
        written: reports.filter((r) => r.end.state === 'written').length,
        gaveUpWithRetryableMessage: reports.filter((r) => r.end.state === 'gave-up').length,
        writtenOnFirstPress: reports.filter(
          (r) => r.end.state === 'written' && r.presses === 1 && r.launches === 1,
        ).length,
        createdByRun: reports.filter((r) => r.end.state === 'written' && r.end.created).length,
        foundExisting: reports.filter((r) => r.end.state === 'written' && !r.end.created).length,
        extraPresses: reports.reduce((sum, r) => sum + Math.max(0, r.presses - 1), 0),
        relaunches: reports.reduce((sum, r) => sum + (r.launches - 1), 0),
        fhirRequests,
        faultsSeen: faults,
        writeFailures: byKind('write'),
        loadFailures: byKind('load'),
        partialLoads: byKind('partial-load'),
        notReady: byKind('not-ready'),
        writeBlocked: byKind('write-blocked'),
        draftsPerPatientAndPeriod: Object.fromEntries(perPair.map((p) => [p.pair, p.drafts.length])),
        soakMs,
      };
      console.log(`chaos soak: ${JSON.stringify(summary, null, 2)}`);
      const notWritten = reports.filter((r) => r.end.state !== 'written');
      if (notWritten.length > 0) {
        console.log(`runs not written: ${JSON.stringify(notWritten, null, 2)}`);
      }
      // Every run ends written, or with a message that says Write (or a relaunch) can simply be tried again.
      for (const report of reports) {
        if (report.end.state === 'gave-up') {
          expect(report.end.retryable).toBe(true);
          expect(report.end.text.nextStep).toMatch(/again|Relaunch|Reload|later/i);
        }
      }
      // Every failure on the way was retryable and told the user what to do next.
      for (const setback of reports.flatMap((r) => r.setbacks)) {
        expect(setback, JSON.stringify(setback)).toMatchObject({ retryable: true });
        if (setback.step === 'write') {
          expect(setback.text?.nextStep).toMatch(/press Write again/i);
        }
      }

      expect(drafts).toHaveLength(PAIRS.length);
      for (const { pair, drafts: found } of perPair) {
        expect(
          found.map((d) => d.location),
          pair,
        ).toHaveLength(1);
        const expected = PATIENTS.find((p) => pair.startsWith(`${p.patient} `));
        expect(found[0]?.policy, pair).toBe(expected?.policy);
        const provenance = await search(`Provenance?target=${found[0]?.location}`);
        expect(provenance, `${pair} Provenance`).toHaveLength(1);
      }
      // None lost: what a run was told it wrote is on the server.
      const locations = new Set(drafts.map((d) => d.location));
      for (const report of reports) {
        if (report.end.state === 'written') {
          expect(locations.has(report.end.location), report.end.location).toBe(true);
        }
      }

      expect(summary.written).toBe(RUNS.length);
      expect(faults['rate-limited'] + faults.unavailable + faults.dropped + faults.slow).toBeGreaterThan(0);
    });
  },
);
