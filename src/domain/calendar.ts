/**
 * Calendar arithmetic on ISO 8601 strings, without reading the clock.
 *
 * FHIR dates may be partial (`2026`, `2026-11`) or dateTimes with offsets. A date is compared as the
 * calendar day written in the source (the clinician's local day), never shifted to UTC.
 */

const DAY_MS = 86_400_000;
const PARTIAL = /^(\d{4})(?:-(\d{2}))?$/;

/** The inclusive range of calendar days a FHIR date or dateTime may denote. */
export interface DayRange {
  readonly first: string;
  readonly last: string;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) {
    return false;
  }
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return -1;
    }
    n = n * 10 + c;
  }
  return n;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month, day as `YYYY-MM-DD`. */
export function formatDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The calendar day (`YYYY-MM-DD`) of a full date or dateTime; undefined for partial or invalid input. */
export function dayOf(value: unknown): string | undefined {
  // Hand-rolled rather than a RegExp: criteria read thousands of dates per record.
  if (
    typeof value !== 'string' ||
    value.length < 10 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45
  ) {
    return undefined;
  }
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || mo < 0 || d < 0 || !validDay(y, mo, d)) {
    return undefined;
  }
  return value.length === 10 ? value : value.slice(0, 10);
}

/** The days a (possibly partial) FHIR date may denote: `2026-11` is 2026-11-01..2026-11-30. */
export function dayRange(value: unknown): DayRange | undefined {
  const day = dayOf(value);
  if (day) {
    return { first: day, last: day };
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const m = PARTIAL.exec(value);
  if (!m) {
    return undefined;
  }
  const y = Number(m[1]);
  if (m[2] === undefined) {
    return { first: formatDay(y, 1, 1), last: formatDay(y, 12, 31) };
  }
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) {
    return undefined;
  }
  return { first: formatDay(y, mo, 1), last: formatDay(y, mo, daysInMonth(y, mo)) };
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` day. */
export function epochDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** The day `n` days after `day` (negative `n` goes back). */
export function addDays(day: string, n: number): string {
  return new Date((epochDay(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

/** The first and last day of the calendar month containing `day`. */
export function monthOf(day: string): DayRange {
  const [y, m] = day.split('-').map(Number);
  const year = y ?? 1970;
  const month = m ?? 1;
  return { first: formatDay(year, month, 1), last: formatDay(year, month, daysInMonth(year, month)) };
}

/** Whether every day the value may denote lies within the inclusive range. Unknown values are not within. */
export function within(value: unknown, range: { readonly start: string; readonly end: string }): boolean {
  const r = dayRange(value);
  return r !== undefined && r.first >= range.start && r.last <= range.end;
}

/** Whether a FHIR period overlaps the inclusive day range; an open end runs on, an unknown start never matches. */
export function overlaps(
  period: { readonly start?: string; readonly end?: string } | undefined,
  range: { readonly start: string; readonly end: string },
): boolean {
  const start = dayRange(period?.start);
  if (!start) {
    return false;
  }
  const end = period?.end === undefined ? undefined : dayRange(period.end);
  if (period?.end !== undefined && !end) {
    return false;
  }
  return start.first <= range.end && (end === undefined || end.last >= range.start);
}

/** Minutes between two dateTimes, when both carry a time and the span is positive. */
export function minutesBetween(start: unknown, end: unknown): number | undefined {
  if (typeof start !== 'string' || typeof end !== 'string' || !start.includes('T') || !end.includes('T')) {
    return undefined;
  }
  const a = Date.parse(start);
  const b = Date.parse(end);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= a) {
    return undefined;
  }
  return Math.round((b - a) / 60_000);
}
