/**
 * Every user-visible word of the app, in one place for translators and reviewers: this index, and the text
 * itself in `strings/`, one file per area. Import from here.
 *
 * - `strings/app-shell.ts`: launch pages, loading, the record tables, data notes, errors and write errors
 * - `strings/workflow.ts`: the G9012 workflow (readiness, criteria, attestation, code fit, timeline, draft)
 * - `strings/review.ts`: the payer review
 *
 * Messages never include tokens or request URLs; patient data is only ever passed in as values.
 */
export * from './strings/app-shell.ts';
export * from './strings/review.ts';
export * from './strings/workflow.ts';
