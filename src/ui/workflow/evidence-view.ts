/**
 * The evidence list as a Lit template (shared by `<criterion-item>` and `<code-fit-callout>`): each
 * reference with its key fields looked up from the record, inside a native `<details>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PatientRecord, Ref } from '../../domain/record.ts';
import { criteriaText } from '../strings.ts';
import { evidenceFields } from './evidence-fields.ts';
import { clipOptional } from './text-clip.ts';

/** One evidence resource: type/id heading and its date, what, author and status. */
export function evidenceEntry(record: PatientRecord | undefined, ref: Ref): TemplateResult {
  const fields = evidenceFields(record, ref);
  const dash = criteriaText.unknown;
  return html`<li class="evidence" data-ref=${ref} tabindex="-1">
    <span class="ref">${ref}</span>
    ${
      fields.found
        ? html`<dl class="fields">
          <dt>${criteriaText.fieldDate}</dt>
          <dd>${fields.date ?? dash}</dd>
          <dt>${criteriaText.fieldWhat}</dt>
          <dd>${clipOptional(fields.what) ?? dash}</dd>
          <dt>${criteriaText.fieldAuthor}</dt>
          <dd>${clipOptional(fields.author) ?? dash}</dd>
          <dt>${criteriaText.fieldStatus}</dt>
          <dd>${clipOptional(fields.status) ?? dash}</dd>
        </dl>`
        : html`<p class="muted">${criteriaText.notInRecord}</p>`
    }
  </li>`;
}

/** A `<details>` listing the evidence refs, open when `open` (e.g. while printing). */
export function evidenceDetails(
  record: PatientRecord | undefined,
  refs: readonly Ref[],
  open: boolean,
): TemplateResult | typeof nothing {
  if (refs.length === 0) {
    return nothing;
  }
  return html`<details class="evidence-details" ?open=${open}>
    <summary>${criteriaText.evidence(refs.length)}</summary>
    <ul class="evidence-list">
      ${refs.map((ref) => evidenceEntry(record, ref))}
    </ul>
  </details>`;
}
