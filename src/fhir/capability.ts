/** What the server's CapabilityStatement says about the types the app reads and writes. */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The part of a CapabilityStatement the app uses. */
export interface ServerCapability {
  /** Resource types the server lists; undefined when it lists none (then nothing can be ruled out). */
  readonly types?: readonly string[];
  /** Resource types the server says it can create. */
  readonly creatable: readonly string[];
  /** Whether the server lists the `transaction` system interaction; undefined when it lists none. */
  readonly transaction?: boolean;
}

/** Summarise a CapabilityStatement; undefined when the body is not one. */
export function capabilityFrom(body: unknown): ServerCapability | undefined {
  if (!isObject(body) || body.resourceType !== 'CapabilityStatement') {
    return undefined;
  }
  const rest = Array.isArray(body.rest) ? body.rest.filter(isObject) : [];
  const server = rest.find((entry) => entry.mode === 'server') ?? rest[0];
  const resources = server && Array.isArray(server.resource) ? server.resource.filter(isObject) : [];
  const types: string[] = [];
  const creatable: string[] = [];
  for (const resource of resources) {
    if (typeof resource.type !== 'string') {
      continue;
    }
    types.push(resource.type);
    const interactions = Array.isArray(resource.interaction) ? resource.interaction.filter(isObject) : [];
    if (interactions.some((interaction) => interaction.code === 'create')) {
      creatable.push(resource.type);
    }
  }
  const system = server && Array.isArray(server.interaction) ? server.interaction.filter(isObject) : [];
  const transaction = system.length > 0 ? { transaction: system.some((i) => i.code === 'transaction') } : {};
  return types.length > 0 ? { types, creatable, ...transaction } : { creatable, ...transaction };
}

/** Whether the server offers a type: true when it lists it, or when it lists no types at all. */
export function serverHasType(capability: ServerCapability, resourceType: string): boolean {
  return capability.types === undefined || capability.types.includes(resourceType);
}

/** Where summaries are kept between loads (page reloads) of one launch; the key names server and launch. */
export interface CapabilityCache {
  get(key: string): ServerCapability | undefined;
  set(key: string, capability: ServerCapability): void;
}

const storagePrefix = 'g9012.capability:';

/** A cache in this tab's sessionStorage (the CapabilityStatement is public; no token or patient data). */
export function sessionCapabilityCache(storage: Storage): CapabilityCache {
  return {
    get(key) {
      const raw = storage.getItem(storagePrefix + key);
      if (!raw) {
        return undefined;
      }
      try {
        const value: unknown = JSON.parse(raw);
        return isObject(value) && Array.isArray(value.creatable)
          ? (value as unknown as ServerCapability)
          : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, capability) {
      try {
        storage.setItem(storagePrefix + key, JSON.stringify(capability));
      } catch {
        // A full or disabled sessionStorage only costs one more /metadata request next time.
      }
    },
  };
}

/** A cache that lives as long as the page. */
export function memoryCapabilityCache(): CapabilityCache {
  const entries = new Map<string, ServerCapability>();
  return {
    get: (key) => entries.get(key),
    set: (key, capability) => {
      entries.set(key, capability);
    },
  };
}
