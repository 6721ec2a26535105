import type { Resource } from '@medplum/fhirtypes';
import { newestDateIn } from './date-shift.ts';

/**
 * Gives a seeded resource a deterministic `meta`: versionId `1`, and, when the source has no lastUpdated,
 * the resource's own newest date up to `today` (or `fallback`). The memory repository would otherwise stamp
 * the load time, which would make every CarePlan look "updated this month" to the app.
 */
export function stampSeedMeta(resource: Resource, fallback: string, today: Date): void {
  const newest = newestDateIn(resource);
  const own = newest && newest.length >= 10 ? toInstant(newest) : fallback;
  const lastUpdated = resource.meta?.lastUpdated ?? (own > today.toISOString() ? today.toISOString() : own);
  resource.meta = { ...resource.meta, versionId: resource.meta?.versionId ?? '1', lastUpdated };
}

function toInstant(value: string): string {
  return value.length === 10 ? `${value}T00:00:00Z` : new Date(value).toISOString();
}
