/**
 * Generates a Bulk Data NDJSON folder (Patient.ndjson, Condition.ndjson, ...) of `n` patients from the
 * scenario templates in mocks/patients, each copy with new ids: patient `i` is `bulk-<i>`, its resources'
 * ids and the references to them are rewritten, and the shared resources (Practitioner, PractitionerRole,
 * Organization, Medication, Location) are written once.
 */

import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { scenarios } from '../mocks/patients/index.ts';

const SHARED_TYPES = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'Medication', 'Location']);

type Json = Record<string, unknown>;

interface Template {
  readonly patientId: string;
  /** Own (patient-compartment) resources, as JSON text. */
  readonly own: readonly { type: string; id: string; json: string }[];
}

/**
 * The scenario templates: every scenario but the generated huge record (5,000 resources) and hostile-text
 * (an adversarial fixture of megabyte-long strings; one copy in 24 patients would be 80% of the bytes).
 */
function templates(): { list: Template[]; shared: Map<string, Json> } {
  const shared = new Map<string, Json>();
  const list: Template[] = [];
  for (const scenario of scenarios) {
    const entries = scenario.bundle.entry ?? [];
    if (entries.length > 200 || scenario.id === 'hostile-text') {
      continue;
    }
    const own: { type: string; id: string; json: string }[] = [];
    for (const entry of entries) {
      const resource = entry.resource as Json | undefined;
      const type = String(resource?.resourceType ?? '');
      const id = String(resource?.id ?? '');
      if (!resource || !type || !id) {
        continue;
      }
      if (SHARED_TYPES.has(type)) {
        shared.set(`${type}/${id}`, resource);
      } else {
        own.push({ type, id, json: JSON.stringify(resource) });
      }
    }
    list.push({ patientId: scenario.id, own });
  }
  return { list, shared };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One template's resources for a new patient id: every own id, and every reference to one, renamed. */
function copyFor(template: Template, patientId: string): { type: string; line: string }[] {
  const rename = (id: string) =>
    id.startsWith(template.patientId)
      ? `${patientId}${id.slice(template.patientId.length)}`
      : `${patientId}-${id}`;
  const refs = template.own.map(({ type, id }) => `${type}/${id}`);
  const pattern = new RegExp(
    `"(id|reference)":"(?:(${template.own.map((r) => escapeRegExp(r.id)).join('|')})|(${refs.map(escapeRegExp).join('|')}))"`,
    'g',
  );
  return template.own.map(({ type, json }) => ({
    type,
    line: json.replace(pattern, (_all, key: string, id?: string, ref?: string) => {
      if (ref !== undefined) {
        const slash = ref.indexOf('/');
        return `"${key}":"${ref.slice(0, slash)}/${rename(ref.slice(slash + 1))}"`;
      }
      return key === 'id' ? `"id":"${rename(id ?? '')}"` : `"${key}":"${id}"`;
    }),
  }));
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) {
    await once(stream, 'drain');
  }
}

/** Writes the folder; resolves with the resources per type and the bytes written. */
export async function writeBulkFolder(
  dir: string,
  patients: number,
): Promise<{ counts: Record<string, number>; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  const { list, shared } = templates();
  const streams = new Map<string, WriteStream>();
  const counts: Record<string, number> = {};
  let bytes = 0;
  const out = async (type: string, line: string) => {
    let stream = streams.get(type);
    if (!stream) {
      stream = createWriteStream(join(dir, `${type}.ndjson`));
      streams.set(type, stream);
    }
    counts[type] = (counts[type] ?? 0) + 1;
    bytes += Buffer.byteLength(line) + 1;
    await write(stream, `${line}\n`);
  };
  for (const resource of shared.values()) {
    await out(String(resource.resourceType), JSON.stringify(resource));
  }
  for (let i = 0; i < patients; i += 1) {
    const template = list[i % list.length];
    if (template) {
      for (const { type, line } of copyFor(template, `bulk-${i}`)) {
        await out(type, line);
      }
    }
  }
  await Promise.all(
    [...streams.values()].map(
      (stream) =>
        new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        ),
    ),
  );
  return { counts, bytes };
}
