import { html, type TemplateResult } from 'lit';
import { screenText } from './strings.ts';

/** One column of a record table: its heading and how a row's cell is read. */
export interface RecordColumn<T> {
  readonly heading: string;
  readonly cell: (item: T) => unknown;
  /** Cells are codes (shown in a monospace face). */
  readonly codes?: boolean;
}

/**
 * The body shared by the record lists (conditions, medications, care plans, coverage): "not read" when the
 * type could not be read, "none recorded" when it is empty, otherwise a table. Styles: `tableStyles`.
 * Cells carry no attribute bindings (happy-dom, used by the component tests, mis-parses them inside rows).
 */
export function recordTable<T>(
  items: readonly T[],
  columns: readonly RecordColumn<T>[],
  unread = false,
): TemplateResult {
  if (unread) {
    return html`<p class="note">${screenText.notRead}</p>`;
  }
  if (items.length === 0) {
    return html`<p class="note">${screenText.noneRecorded}</p>`;
  }
  return html`<table>
    <thead>
      <tr>
        ${columns.map((column) => html`<th scope="col">${column.heading}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (item) =>
          html`<tr>
            ${columns.map((column) =>
              column.codes
                ? html`<td class="codes">${column.cell(item)}</td>`
                : html`<td>${column.cell(item)}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
