import type { Coverage, Encounter } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { newestActivity, newestDateIn } from './date-shift.ts';
import { buildSeed } from './seed-data.ts';

describe('the default seed (public synthetic data)', () => {
  it('resolves urn:uuid references, date-shifts into the current month, and adds Coverage and staff', async () => {
    // The last day of the month: every patient's newest activity lands in December, none in the future.
    const seed = await buildSeed({ today: new Date('2026-12-31T12:00:00Z') });
    const dirk = '948e608d-e408-4788-8cf2-8157c49c2940';
    const dirksRecord = seed.filter((r) => JSON.stringify(r).includes(`Patient/${dirk}`));
    expect(dirksRecord.length).toBeGreaterThan(50);
    // Only references to resources the copy left out (inferno-85's Locations) may stay urn:uuid.
    expect(JSON.stringify(dirksRecord)).not.toContain('urn:uuid:');
    const dirksEncounters = seed.filter(
      (r): r is Encounter => r.resourceType === 'Encounter' && r.subject?.reference === `Patient/${dirk}`,
    );
    expect(newestActivity(dirksEncounters)?.toISOString().slice(0, 7)).toBe('2026-12');
    const coverage = seed.find(
      (r): r is Coverage => r.resourceType === 'Coverage' && r.beneficiary.reference === `Patient/${dirk}`,
    );
    expect(coverage?.payor[0]?.display).toBe('Medicare');
    const payers = new Set(
      seed.flatMap((r) => (r.resourceType === 'Coverage' ? (r.payor.map((p) => p.display ?? '') ?? []) : [])),
    );
    for (const payer of ['Medicare', 'Aetna', 'Blue Cross Blue Shield', 'Cigna', 'UnitedHealthcare']) {
      expect(payers).toContain(payer);
    }
    const carePlans = seed.filter((r) => r.resourceType === 'CarePlan');
    expect(carePlans.length).toBeGreaterThan(5);
    for (const plan of carePlans) {
      // The load time would make every plan look "updated this month"; the stamp is the plan's own newest date.
      expect(plan.meta?.versionId).toBe('1');
      const own = newestDateIn({ ...plan, meta: undefined })?.slice(0, 10);
      expect(plan.meta?.lastUpdated?.slice(0, 10)).toBe(own ?? '2025-01-01');
    }
    const caseManager = seed.find(
      (r) => r.resourceType === 'PractitionerRole' && r.id === 'sandbox-case-manager-role',
    );
    expect(JSON.stringify(caseManager)).toContain('171M00000X');
  });
});
