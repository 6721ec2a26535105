/**
 * The app's default checklist thresholds, used when a payer policy does not set one.
 *
 * These are the product's documentation defaults from DESIGN.md §4 (turning the G9012 overview brief into
 * checks). They are not payer rules; a policy that publishes its own threshold overrides them, and the
 * evaluation warns when a payer's thresholds are "not published — verify with payer".
 */
export const APP_DEFAULT_THRESHOLDS = {
  /** complex-needs: at least 2 active chronic conditions (DESIGN.md §4). */
  minChronicConditions: 2,
  /** A condition counts as chronic when its onset or recording is at least 90 days before the period end. */
  chronicMinDays: 90,
  /** A transition of care: an inpatient or emergency encounter ended within 30 days before or inside the period. */
  transitionWindowDays: 30,
  /** time: more than 0 minutes documented, i.e. at least 1. */
  minMinutes: 1,
} as const;

/** The resolved thresholds an evaluation uses. */
export interface Thresholds {
  readonly minChronicConditions: number;
  readonly chronicMinDays: number;
  readonly transitionWindowDays: number;
  readonly minMinutes: number;
}
