import { randomUUID } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * Takes a Bundle's resources out for storage: gives every resource an id (the UUID of its `urn:uuid:`
 * fullUrl when it has none), and rewrites every reference to another entry's fullUrl as `Type/id`.
 * Returns copies; the Bundle is not changed.
 */
export function resolveBundleReferences(bundle: Bundle): Resource[] {
  const byFullUrl = new Map<string, string>();
  const resources: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    if (!entry.resource) {
      continue;
    }
    const resource = structuredClone(entry.resource);
    if (!resource.id) {
      const fromUrl = entry.fullUrl?.startsWith('urn:uuid:')
        ? entry.fullUrl.slice('urn:uuid:'.length)
        : undefined;
      resource.id = fromUrl ?? randomUUID();
    }
    if (entry.fullUrl) {
      byFullUrl.set(entry.fullUrl, `${resource.resourceType}/${resource.id}`);
    }
    resources.push(resource);
  }
  for (const resource of resources) {
    rewriteReferences(resource, byFullUrl);
  }
  return resources;
}

function rewriteReferences(node: unknown, byFullUrl: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) {
      rewriteReferences(item, byFullUrl);
    }
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'reference' && typeof value === 'string') {
      record[key] = byFullUrl.get(value) ?? value;
    } else {
      rewriteReferences(value, byFullUrl);
    }
  }
}
