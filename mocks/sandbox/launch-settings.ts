/**
 * Per-launch emulation switches. They are chosen on the launch page (or the standalone picker), stored with
 * the launch context and the tokens issued from it, so each launched session sees its own server behaviour.
 */
export interface LaunchSettings {
  /** Behave like Epic and Oracle Health R4: no MedicationStatement in /metadata, and 404 for it. */
  noMedicationStatement: boolean;
  /** ChargeItem and Claim are read-only: no create in /metadata, and writes get 405. */
  noDraftWrite: boolean;
  /** Grant only the read part of the requested scopes, so the app must disable writing. */
  readOnlyScopes: boolean;
}

/** The switches, with the label the launch page shows for each. */
export const LAUNCH_SWITCHES: readonly { name: keyof LaunchSettings; label: string }[] = [
  { name: 'noMedicationStatement', label: 'No MedicationStatement (like Epic and Oracle Health R4)' },
  { name: 'noDraftWrite', label: 'No ChargeItem or Claim create (drafts cannot be written)' },
  { name: 'readOnlyScopes', label: 'Grant read scopes only (withhold write scopes)' },
];

/** Every switch off: a fully capable server. */
export const DEFAULT_SETTINGS: LaunchSettings = {
  noMedicationStatement: false,
  noDraftWrite: false,
  readOnlyScopes: false,
};

/** Reads the switches from submitted form fields (a checked box sends its name). */
export function settingsFromForm(form: URLSearchParams): LaunchSettings {
  return {
    noMedicationStatement: form.has('noMedicationStatement'),
    noDraftWrite: form.has('noDraftWrite'),
    readOnlyScopes: form.has('readOnlyScopes'),
  };
}

/** Resource types whose create and update `noDraftWrite` removes. */
export const DRAFT_TYPES: readonly string[] = ['ChargeItem', 'Claim'];
