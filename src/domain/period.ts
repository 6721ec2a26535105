/**
 * The evaluation period: given, or the calendar month containing `asOf` (DESIGN.md §4).
 */
import { dayOf, monthOf } from './calendar.ts';
import type { EvaluationPeriod, PeriodBasis } from './evaluation.ts';

/** A period together with how it was chosen. */
export interface ResolvedPeriod {
  readonly period: EvaluationPeriod;
  readonly basis: PeriodBasis;
}

/** Thrown when `asOf` or a period is not a valid calendar date or range. */
export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
}

/** Validates `asOf` and returns its `YYYY-MM-DD` day. */
export function asOfDay(asOf: string): string {
  const day = dayOf(asOf);
  if (!day) {
    throw new InvalidPeriodError(`as-of date "${asOf.slice(0, 40)}" is not a valid YYYY-MM-DD date`);
  }
  return day;
}

/** The given period (validated), or the calendar month containing `asOf`. */
export function resolvePeriod(
  asOf: string,
  given?: { readonly start: string; readonly end: string },
): ResolvedPeriod {
  const day = asOfDay(asOf);
  if (given) {
    const start = dayOf(given.start);
    const end = dayOf(given.end);
    if (!start || !end || end < start) {
      throw new InvalidPeriodError(
        `period "${String(given.start).slice(0, 40)}/${String(given.end).slice(0, 40)}" is not a valid date range`,
      );
    }
    return { period: { start, end }, basis: 'given' };
  }
  const month = monthOf(day);
  return { period: { start: month.first, end: month.last }, basis: 'month-of-as-of' };
}

/** Parses `YYYY-MM-DD/YYYY-MM-DD` (the CLI's `--period`). */
export function parsePeriod(text: string): EvaluationPeriod {
  const [start, end, extra] = text.split('/');
  if (start === undefined || end === undefined || extra !== undefined) {
    throw new InvalidPeriodError(`period "${text.slice(0, 60)}" must be YYYY-MM-DD/YYYY-MM-DD`);
  }
  const s = dayOf(start);
  const e = dayOf(end);
  if (!s || !e || s.length !== start.length || e.length !== end.length || e < s) {
    throw new InvalidPeriodError(
      `period "${text.slice(0, 60)}" must be YYYY-MM-DD/YYYY-MM-DD with start <= end`,
    );
  }
  return { start: s, end: e };
}
