/**
 * The named G9012 scenario patients. The sandbox EHR loads `scenarios`; tests evaluate them with asOf
 * 2026-11-20 (the sandbox shifts dates at load, keeping their spacing).
 */
import { ccmFitsBetter } from './ccm-fits-better.ts';
import { hostileText } from './hostile-text.ts';
import { hugeRecord } from './huge-record.ts';
import { meetsAll } from './meets-all.ts';
import { missingCriteria } from './missing-criteria.ts';
import { noCoverage } from './no-coverage.ts';
import { payerScenarios } from './payers.ts';
import type { Scenario } from './scenario.ts';
import { snomedOnly } from './snomed-only.ts';
import { tcmRecentDischarge } from './tcm-recent-discharge.ts';

export type { Scenario } from './scenario.ts';

/** Every scenario, meets-all first. */
export const scenarios: readonly Scenario[] = [
  meetsAll,
  ...missingCriteria,
  noCoverage,
  ccmFitsBetter,
  tcmRecentDischarge,
  snomedOnly,
  ...payerScenarios,
  hostileText,
  hugeRecord,
];
