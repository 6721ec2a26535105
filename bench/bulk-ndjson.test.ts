/**
 * The generated Bulk folder is what the bulk figures are measured on: every patient must come back from the
 * CLI's reader (openNdjsonFolder + patientResources) with its own resources under new ids, and build a record.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNdjsonFolder } from '../src/cli/ndjson/patient-lines.ts';
import { patientResources } from '../src/cli/ndjson/patient-resources.ts';
import { recordFromResources } from '../src/fhir/record/index.ts';
import { writeBulkFolder } from './bulk-ndjson.ts';

const dir = mkdtempSync(join(tmpdir(), 'g9012-bulk-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated Bulk NDJSON folder', () => {
  it('gives every patient its own resources, renamed, and a record', async () => {
    const patients = 30;
    const { counts, bytes } = await writeBulkFolder(dir, patients);
    expect(counts.Patient).toBe(patients);
    expect(readdirSync(dir)).toContain('Condition.ndjson');
    expect(bytes).toBeGreaterThan(0);
    const ids = readFileSync(join(dir, 'Condition.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);

    const seen: string[] = [];
    const folder = await openNdjsonFolder(dir);
    for await (const lines of folder.patients()) {
      const { patientId } = lines;
      const { resources } = patientResources(lines, folder.shared, folder.files);
      seen.push(patientId);
      const own = resources.filter((r) => (r as { resourceType: string }).resourceType === 'Condition');
      expect(own.length, patientId).toBeGreaterThan(0);
      for (const condition of own) {
        expect((condition as { id: string }).id.startsWith(`${patientId}-`)).toBe(true);
      }
      const built = recordFromResources(resources, { patientId });
      expect(built.record, `${patientId}: ${built.problems.join('; ')}`).toBeDefined();
      expect(built.invalid).toEqual([]);
    }
    expect(seen).toEqual(Array.from({ length: patients }, (_, i) => `bulk-${i}`));
  });
});
