/**
 * Small readers for raw FHIR JSON. The review reads resources made by anyone, so nothing is assumed about
 * their shape: every reader returns undefined (or an empty list) when a field is absent or of the wrong type.
 */

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when it is a string. */
export function str(value: unknown, key: string): string | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** `value[key]` when it is a number. */
export function num(value: unknown, key: string): number | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

/** `value[key]` when it is an object. */
export function obj(value: unknown, key: string): JsonObject | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return isObject(field) ? field : undefined;
}

/** `value[key]` when it is an array (its elements unchecked). */
export function arr(value: unknown, key: string): readonly unknown[] {
  const field = isObject(value) ? value[key] : undefined;
  return Array.isArray(field) ? field : [];
}

/** `value[key]` as the objects of an array, skipping anything else. */
export function objects(value: unknown, key: string): JsonObject[] {
  return arr(value, key).filter(isObject);
}

/** `value[key].reference` when it is a string. */
export function reference(value: unknown, key: string): string | undefined {
  return str(obj(value, key), 'reference');
}

/** A coding as read from JSON. */
export interface RawCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/** The codings of a CodeableConcept. */
export function codings(concept: unknown): RawCoding[] {
  return objects(concept, 'coding').map((c) => {
    const system = str(c, 'system');
    const code = str(c, 'code');
    const display = str(c, 'display');
    return {
      ...(system === undefined ? {} : { system }),
      ...(code === undefined ? {} : { code }),
      ...(display === undefined ? {} : { display }),
    };
  });
}

/** `Type/id` of a resource, when it has a resource type and an id. */
export function refOf(resource: unknown): string | undefined {
  const type = str(resource, 'resourceType');
  const id = str(resource, 'id');
  return type !== undefined && id !== undefined ? `${type}/${id}` : undefined;
}
