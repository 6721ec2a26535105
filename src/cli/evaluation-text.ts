/**
 * `--format text`: a readable checklist for a person. Untrusted text from the record is flattened to one
 * line without control characters, so it cannot move the cursor or fake output.
 */
import type { Evaluation } from '../domain/evaluation.ts';
import type { InvalidResource } from '../domain/record.ts';
import { oneLine } from './cli-io.ts';

const MARK: Record<string, string> = {
  met: '[x]',
  attested: '[a]',
  missing: '[ ]',
  'not-met': '[!]',
  'not-applicable': '[-]',
};

/** Renders one evaluation as a checklist. */
export function toEvaluationText(e: Evaluation, invalid: readonly InvalidResource[]): string {
  const lines: string[] = [];
  lines.push(`${e.patient}  period ${e.period.start}..${e.period.end}  as of ${e.asOf}`);
  lines.push(`Payer policy: ${oneLine(e.payer.name)} (${e.payer.policyId}; ${oneLine(e.payer.detail)})`);
  lines.push(`Status: ${e.status.toUpperCase()}`);
  lines.push('');
  for (const c of e.criteria) {
    const required = c.required ? '' : ' (optional)';
    lines.push(
      `  ${MARK[c.status] ?? '[?]'} ${c.id.padEnd(26)} ${c.status}${required}: ${oneLine(c.reason)}`,
    );
    if (c.evidence.length > 0) {
      lines.push(
        `      evidence: ${oneLine(c.evidence.slice(0, 6).join(', '))}${c.evidence.length > 6 ? ` and ${c.evidence.length - 6} more` : ''}`,
      );
    }
  }
  if (e.blockers.length > 0) {
    lines.push('', `Blocking: ${e.blockers.map((b) => b.criterion).join(', ')}`);
  }
  if (e.codeFit.alternatives.length > 0) {
    lines.push('', 'More specific codes that may fit:');
    for (const a of e.codeFit.alternatives) {
      lines.push(`  ${a.code} (${a.family}): ${oneLine(a.reason)}`);
    }
  }
  lines.push(
    '',
    `Minutes: ${e.minutes.total} (${e.minutes.documented} documented, ${e.minutes.attested} attested); units: ${e.units.quantity} (${e.units.rule})`,
  );
  if (e.diagnoses.length > 0) {
    lines.push('Diagnoses:');
    for (const d of e.diagnoses) {
      const note = d.suggested
        ? d.confirmed
          ? ' (suggested, confirmed)'
          : ' (suggested: confirm before use)'
        : '';
      lines.push(`  ${d.code} ${oneLine(d.display ?? '')}${note}`);
    }
  }
  for (const m of e.modifiers.applied) {
    lines.push(`Modifier ${m.code}: ${oneLine(m.reason)}`);
  }
  for (const m of e.modifiers.rejected) {
    lines.push(`Modifier ${m.code} not added: ${oneLine(m.reason)}`);
  }
  if (e.placeOfService) {
    lines.push(
      `Place of service: ${e.placeOfService.code ?? e.placeOfService.candidates.join(' or ')} (${oneLine(e.placeOfService.reason)})`,
    );
  }
  if (e.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of e.warnings) {
      lines.push(`  - ${oneLine(w.message, 600)}`);
    }
  }
  if (invalid.length > 0) {
    lines.push('', `Left out (invalid): ${invalid.length}`);
    for (const i of invalid.slice(0, 10)) {
      lines.push(`  ${oneLine(i.ref)}: ${oneLine(i.problem)}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}
