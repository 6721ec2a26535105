/**
 * The shape every named G9012 scenario patient has. The sandbox EHR loads `scenarios` from `index.ts`.
 */
import type { Bundle } from 'fhir/r4';

/** One named scenario patient: a FHIR R4 collection Bundle whose activity falls in November 2026. */
export interface Scenario {
  /** Stable id, also the Patient id, e.g. `meets-all`. */
  id: string;
  title: string;
  /** What the scenario shows, for the sandbox patient list. */
  description: string;
  bundle: Bundle;
}
