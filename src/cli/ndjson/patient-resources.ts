/**
 * Turns one patient's NDJSON lines (from `patient-lines.ts`) into its resources: parses each line, keeps
 * the resources that really belong to the patient, and adds the shared resources they reference.
 */
import { isObject, type JsonObject } from '../../review/json-access.ts';
import type { LineProblem } from './files.ts';
import type { PatientLines } from './patient-lines.ts';
import { collectReferences, patientIdOf, type SharedResources } from './references.ts';

/** A patient's resources, and the lines that could not be parsed. */
export interface PatientResources {
  readonly resources: readonly JsonObject[];
  readonly problems: readonly LineProblem[];
}

const REFERENCE = /"reference"\s*:\s*"([^"\\]*)"/g;

/**
 * Parses the patient's lines. `files` names the folder's files (`SourceLine.file` indexes it). A line
 * whose resource does not belong to the patient (its only Patient reference was not its subject) is left
 * out, as it would be by a reader that parsed every line.
 */
export function patientResources(
  task: PatientLines,
  shared: SharedResources<string>,
  files: readonly string[],
): PatientResources {
  const own: JsonObject[] = [];
  const problems: LineProblem[] = [];
  const refs = new Set<string>();
  for (const { text, file, line } of task.lines) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push({ file: files[file] ?? '', line, problem: 'not valid JSON; skipped' });
      continue;
    }
    if (!isObject(value) || patientIdOf(value) !== task.patientId) {
      continue;
    }
    own.push(value);
    // References from the text when it has no escapes (a plain scan), else from the parsed resource.
    if (text.includes('\\')) {
      collectReferences(value, refs);
    } else {
      for (const match of text.matchAll(REFERENCE)) {
        refs.add(match[1] ?? '');
      }
    }
  }
  const linked = shared.linked(refs).map((text) => JSON.parse(text) as JsonObject);
  return { resources: [...own, ...linked], problems };
}
