/**
 * How `g9012 review` prints a report: one JSON line per draft (the issue 7 contract, with the verdict and
 * its reasons after the contract's fields), or a readable text report.
 */
import type { ReviewReport } from '../review/types.ts';
import { oneLine } from './cli-io.ts';

/** The JSON line contract: `{"ref","valid","issues","criteria","consistent","discrepancies"}` plus the verdict. */
export interface ReviewJson {
  readonly ref: string;
  readonly valid: boolean;
  readonly issues: readonly { severity: string; path: string; message: string }[];
  readonly criteria: readonly { id: string; claimed: string; now: string }[];
  readonly consistent: boolean;
  readonly discrepancies: readonly string[];
  readonly verdict: ReviewReport['verdict'];
  readonly reasons: readonly string[];
}

/** The report as the JSON contract. */
export function toReviewJson(report: ReviewReport): ReviewJson {
  return {
    ref: report.ref,
    valid: report.valid,
    issues: report.issues.map((i) => ({ severity: i.severity, path: i.path, message: i.message })),
    criteria: report.criteria.map((c) => ({ id: c.id, claimed: c.claimed, now: c.now })),
    consistent: report.verdict === 'consistent',
    discrepancies: report.discrepancies,
    verdict: report.verdict,
    reasons: report.reasons,
  };
}

const MARK = { consistent: 'CONSISTENT', inconsistent: 'INCONSISTENT', invalid: 'INVALID' } as const;

/** The report as readable text, ending with a blank line. Untrusted text is flattened to one line each. */
export function toReviewText(report: ReviewReport): string {
  const lines = [`${oneLine(report.ref, 200)}: ${MARK[report.verdict]}`];
  for (const reason of report.reasons) {
    lines.push(`  ${oneLine(reason, 400)}`);
  }
  if (report.issues.length > 0) {
    lines.push('  Validation:');
    for (const i of report.issues) {
      lines.push(`    ${i.severity} ${oneLine(i.path, 120)}: ${oneLine(i.message, 300)}`);
    }
  }
  if (report.checks.length > 0) {
    lines.push('  Checks:');
    for (const c of report.checks) {
      lines.push(`    [${c.ok ? 'ok' : 'FAIL'}] ${c.id}: ${oneLine(c.detail, 300)}`);
    }
  }
  if (report.criteria.length > 0) {
    lines.push('  Criteria (claimed -> now):');
    for (const c of report.criteria) {
      lines.push(`    ${c.id.padEnd(26)} ${c.claimed.padEnd(12)} -> ${c.now}`);
    }
  }
  const missing = report.evidence.filter((e) => e.state !== 'found');
  if (report.evidence.length > 0) {
    lines.push(`  Evidence: ${report.evidence.length} cited, ${missing.length} not usable`);
    for (const e of missing) {
      lines.push(`    ${oneLine(e.ref, 120)}: ${e.state}${e.problem ? ` (${oneLine(e.problem, 200)})` : ''}`);
    }
  }
  if (report.discrepancies.length > 0 && report.verdict !== 'inconsistent') {
    lines.push('  Discrepancies:');
    for (const d of report.discrepancies) {
      lines.push(`    - ${oneLine(d, 400)}`);
    }
  }
  if (report.provenance.found) {
    const p = report.provenance;
    lines.push(
      `  Provenance${p.ref ? ` ${oneLine(p.ref, 120)}` : ''}: recorded ${oneLine(p.recorded ?? '(not given)', 40)}, app version ${oneLine(p.appVersion ?? '(not recorded)', 40)}, ${p.entities.length} entities`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

/** The report in the chosen format. */
export function formatReview(report: ReviewReport, format: 'json' | 'text'): string {
  return format === 'json' ? `${JSON.stringify(toReviewJson(report))}\n` : toReviewText(report);
}
