/**
 * meets-all: every G9012 criterion is met from the record for November 2026 — three chronic conditions with
 * ICD-10-CM codes, medication reconciliation, PHQ-2 and food screening, an updated care plan with goals, food
 * insecurity addressed, 18 minutes with the case manager (below the CCM 20-minute floor, so no more specific
 * code fits), a note to the cardiologist, and active Coverage with an unrecognised commercial payer.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

const id = 'meets-all';

/** The meets-all scenario. */
export const meetsAll: Scenario = {
  id,
  title: 'Meets every criterion',
  description:
    'Heart failure, type 2 diabetes and COPD; reconciliation, screening, updated care plan with goals, food insecurity addressed, 18 minutes with case manager Ana Rivera, letter to cardiology, active Coverage.',
  bundle: toBundle(id, meetsAllParts(id, { given: 'Grace', family: 'Meetsall' })),
};
