/**
 * Status chips as Lit templates (not elements): text plus an icon whose shape differs per status, so the
 * status is never carried by colour alone.
 */
import { html, type TemplateResult } from 'lit';
import type { CriterionStatus, OverallStatus } from '../../domain/evaluation.ts';
import { overallText, statusLabels } from '../strings.ts';

const statusIcons: Readonly<Record<CriterionStatus, string>> = {
  met: '✓',
  attested: '✎',
  missing: '?',
  'not-met': '✕',
  'not-applicable': '–',
};

const overallIcons: Readonly<Record<OverallStatus, string>> = {
  ready: '✓',
  incomplete: '?',
  'not-billable': '✕',
};

/** A criterion status chip: icon (hidden from assistive tech) and the status in words. */
export function statusChip(status: CriterionStatus): TemplateResult {
  return html`<span class="chip s-${status}" data-status=${status}
    ><span class="icon" aria-hidden="true">${statusIcons[status]}</span>${statusLabels[status]}</span
  >`;
}

/** The overall readiness chip. */
export function overallChip(status: OverallStatus): TemplateResult {
  return html`<span class="chip s-${status}" data-status=${status}
    ><span class="icon" aria-hidden="true">${overallIcons[status]}</span>${overallText[status].title}</span
  >`;
}
