/**
 * Reads a folder of Bulk Data NDJSON files patient by patient, so memory grows with a batch of patients,
 * not with the whole population.
 *
 * Pass 0 reads the Patient files (ids only) and the shared resources (Practitioner, PractitionerRole,
 * Organization, Medication). Then, for each batch of patients, one streaming pass over the clinical files
 * keeps only the resources of patients in the batch (by subject, patient or beneficiary), and each patient
 * is yielded with the shared resources it references.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CliInputError } from './cli-io.ts';

/** One patient's resources from the folder. */
export interface NdjsonPatient {
  readonly patientId: string;
  readonly resources: readonly unknown[];
}

/** A line that could not be read, reported once. */
export interface NdjsonLineProblem {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

const SHARED_TYPES = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'Medication', 'Location']);
const DEFAULT_BATCH = 1000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function* lines(file: string): AsyncGenerator<{ text: string; line: number }> {
  const rl = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of rl) {
    line += 1;
    if (text.trim()) {
      yield { text, line };
    }
  }
}

function patientOf(resource: Json): string | undefined {
  if (resource.resourceType === 'Patient') {
    return typeof resource.id === 'string' ? resource.id : undefined;
  }
  for (const key of ['subject', 'patient', 'beneficiary']) {
    const ref = (resource[key] as Json | undefined)?.reference;
    if (typeof ref === 'string' && ref.startsWith('Patient/')) {
      return ref.slice('Patient/'.length);
    }
  }
  return undefined;
}

function collectReferences(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      collectReferences(v, out);
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') {
        out.add(v);
      } else if (typeof v === 'object') {
        collectReferences(v, out);
      }
    }
  }
}

/** Options for reading a folder. */
export interface NdjsonOptions {
  /** Patients per streaming pass (default 1000). */
  readonly batchSize?: number;
  /** Called once per unreadable line. */
  readonly onProblem?: (problem: NdjsonLineProblem) => void;
}

/** Yields each patient's resources. Throws CliInputError when the folder has no NDJSON or no Patient. */
export async function* readNdjsonFolder(
  dir: string,
  options: NdjsonOptions = {},
): AsyncGenerator<NdjsonPatient> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.ndjson')).sort();
  } catch (error) {
    throw new CliInputError(
      `${dir}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (names.length === 0) {
    throw new CliInputError(`${dir}: no .ndjson files in the folder`);
  }
  const files = names.map((n) => join(dir, n));
  const patientIds: string[] = [];
  const seenPatients = new Set<string>();
  const shared = new Map<string, unknown>();
  const rolesByPractitioner = new Map<string, string[]>();
  const report = options.onProblem ?? (() => undefined);

  // Pass 0: patient ids, shared resources, and every unreadable line (reported once, here).
  for (const file of files) {
    for await (const { text, line } of lines(file)) {
      let resource: unknown;
      try {
        resource = JSON.parse(text);
      } catch {
        report({ file, line, problem: 'not valid JSON; skipped' });
        continue;
      }
      if (!isObject(resource) || typeof resource.resourceType !== 'string') {
        report({ file, line, problem: 'not a FHIR resource (no resourceType); skipped' });
        continue;
      }
      const type = resource.resourceType;
      if (type === 'Patient' && typeof resource.id === 'string' && !seenPatients.has(resource.id)) {
        seenPatients.add(resource.id);
        patientIds.push(resource.id);
      } else if (SHARED_TYPES.has(type) && typeof resource.id === 'string') {
        const ref = `${type}/${resource.id}`;
        shared.set(ref, resource);
        const practitioner = (resource.practitioner as Json | undefined)?.reference;
        if (type === 'PractitionerRole' && typeof practitioner === 'string') {
          rolesByPractitioner.set(practitioner, [...(rolesByPractitioner.get(practitioner) ?? []), ref]);
        }
      }
    }
  }
  if (patientIds.length === 0) {
    throw new CliInputError(`${dir}: no Patient resources in the NDJSON files`);
  }

  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  for (let start = 0; start < patientIds.length; start += batchSize) {
    const batch = patientIds.slice(start, start + batchSize);
    const byPatient = new Map<string, unknown[]>(batch.map((id) => [id, []]));
    for (const file of files) {
      for await (const { text } of lines(file)) {
        let resource: unknown;
        try {
          resource = JSON.parse(text);
        } catch {
          continue;
        }
        if (!isObject(resource) || SHARED_TYPES.has(String(resource.resourceType))) {
          continue;
        }
        const owner = patientOf(resource);
        const list = owner === undefined ? undefined : byPatient.get(owner);
        list?.push(resource);
      }
    }
    for (const patientId of batch) {
      const own = byPatient.get(patientId) ?? [];
      byPatient.delete(patientId);
      const refs = new Set<string>();
      collectReferences(own, refs);
      for (const ref of [...refs]) {
        for (const role of rolesByPractitioner.get(ref) ?? []) {
          refs.add(role);
        }
      }
      const linked = [...refs].flatMap((ref) => {
        const resource = shared.get(ref);
        return resource === undefined ? [] : [resource];
      });
      yield { patientId, resources: [...own, ...linked] };
    }
  }
}
