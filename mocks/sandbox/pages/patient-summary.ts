import type { Condition, Coverage, Encounter, HumanName, Organization, Patient } from '@medplum/fhirtypes';
import type { SandboxRepository } from '../fhir/sandbox-repository.ts';
import { clip } from './html.ts';

/** One row of the launch page's patient list. */
export interface PatientSummary {
  id: string;
  name: string;
  /** Whole years at `today`, or "deceased". */
  age: string;
  keyConditions: string[];
  payer: string | undefined;
  /** The newest Encounter, used as the EHR launch's encounter context. */
  latestEncounterId: string | undefined;
}

/** A display name: the official (or first) name's given names and family name. */
export function displayName(names: readonly HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) {
    return '(no name)';
  }
  return name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim();
}

function age(patient: Patient, today: Date): string {
  if (patient.deceasedDateTime || patient.deceasedBoolean) {
    return 'deceased';
  }
  if (!patient.birthDate) {
    return 'unknown';
  }
  const birth = new Date(`${patient.birthDate.slice(0, 10)}T00:00:00Z`);
  let years = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) {
    years -= 1;
  }
  return Number.isNaN(years) ? 'unknown' : String(years);
}

function isActive(condition: Condition): boolean {
  const code = condition.clinicalStatus?.coding?.[0]?.code;
  return code === undefined || code === 'active' || code === 'recurrence' || code === 'relapse';
}

function conditionText(condition: Condition): string {
  return (
    condition.code?.text ??
    condition.code?.coding?.[0]?.display ??
    condition.code?.coding?.[0]?.code ??
    '(uncoded)'
  );
}

function clipped(text: string | undefined): string | undefined {
  return text === undefined ? undefined : clip(text);
}

/** Summaries of every patient (display strings clipped), in load order: the scenarios first. */
export function summarisePatients(repo: SandboxRepository, today: Date): PatientSummary[] {
  const grouped = <T>(type: string, key: (r: T) => string | undefined): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const resource of repo.allOfType(type) as unknown as T[]) {
      const k = key(resource);
      if (k) {
        map.set(k, [...(map.get(k) ?? []), resource]);
      }
    }
    return map;
  };
  const conditions = grouped<Condition>('Condition', (c) => c.subject?.reference);
  const coverages = grouped<Coverage>('Coverage', (c) => c.beneficiary?.reference);
  const encounters = grouped<Encounter>('Encounter', (e) => e.subject?.reference);
  return (repo.allOfType('Patient') as Patient[]).map((patient): PatientSummary => {
    const ref = `Patient/${patient.id}`;
    const active = (conditions.get(ref) ?? []).filter(isActive);
    const recentFirst = active.sort((a, b) =>
      (b.recordedDate ?? b.onsetDateTime ?? '').localeCompare(a.recordedDate ?? a.onsetDateTime ?? ''),
    );
    const coverage = (coverages.get(ref) ?? []).find((c) => c.status === 'active');
    const payorRef = coverage?.payor?.[0];
    const payorOrg = payorRef?.reference?.startsWith('Organization/')
      ? (repo.peek('Organization', payorRef.reference.slice('Organization/'.length)) as
          | Organization
          | undefined)
      : undefined;
    const latest = [...(encounters.get(ref) ?? [])].sort((a, b) =>
      (b.period?.start ?? '').localeCompare(a.period?.start ?? ''),
    )[0];
    return {
      id: patient.id ?? '',
      name: clip(displayName(patient.name)),
      age: age(patient, today),
      keyConditions: [...new Set(recentFirst.map((c) => clip(conditionText(c))))].slice(0, 3),
      payer: clipped(payorRef?.display ?? payorOrg?.name ?? coverage?.class?.[0]?.name),
      latestEncounterId: latest?.id,
    };
  });
}
