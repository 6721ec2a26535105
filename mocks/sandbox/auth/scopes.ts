/** A SMART resource permission: create, read, update, delete, search. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** A parsed SMART resource scope (v1 `patient/*.read` or v2 `patient/Condition.rs`). */
export interface ResourceScope {
  raw: string;
  context: 'patient' | 'user' | 'system';
  /** A resource type, or `*`. */
  type: string;
  permissions: ReadonlySet<Permission>;
}

/** Scopes that are not about resources, and which the sandbox grants when asked. */
export const CONTEXT_SCOPES: readonly string[] = [
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'profile',
  'online_access',
  'offline_access',
];

const V1 = /^(patient|user|system)\/([A-Za-z]+|\*)\.(read|write|\*)$/;
const V2 = /^(patient|user|system)\/([A-Za-z]+|\*)\.(c?r?u?d?s?)$/;
const V1_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

/**
 * Parses one resource scope. v2 permissions must appear in `cruds` order. v2 scopes with a query
 * (`patient/Observation.rs?category=...`) are not supported, so they parse to undefined and are not granted.
 */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const v1 = V1.exec(raw);
  if (v1) {
    return {
      raw,
      context: v1[1] as ResourceScope['context'],
      type: v1[2] ?? '',
      permissions: new Set(V1_PERMISSIONS[v1[3] ?? ''] ?? []),
    };
  }
  const v2 = V2.exec(raw);
  if (v2?.[3]) {
    return {
      raw,
      context: v2[1] as ResourceScope['context'],
      type: v2[2] ?? '',
      permissions: new Set(v2[3].split('') as Permission[]),
    };
  }
  return undefined;
}

/**
 * The scopes to grant for a request: every context scope and parseable resource scope asked for, in the
 * order asked. With `readOnly`, write permissions are removed (`user/*.cruds` becomes `user/*.rs`, v1
 * `.write` is dropped, v1 `.*` becomes `.read`).
 */
export function grantScopes(requested: string, readOnly: boolean): string[] {
  const granted: string[] = [];
  for (const raw of requested.split(/\s+/).filter(Boolean)) {
    if (CONTEXT_SCOPES.includes(raw)) {
      granted.push(raw);
      continue;
    }
    const scope = parseResourceScope(raw);
    if (!scope) {
      continue;
    }
    if (!readOnly) {
      granted.push(raw);
      continue;
    }
    const prefix = `${scope.context}/${scope.type}.`;
    if (/\.(read|write|\*)$/.test(raw)) {
      if (!raw.endsWith('.write')) {
        granted.push(`${prefix}read`);
      }
    } else {
      const reads = ['r', 's'].filter((p) => scope.permissions.has(p as Permission)).join('');
      if (reads) {
        granted.push(prefix + reads);
      }
    }
  }
  return [...new Set(granted)];
}

/** The granted scopes that allow `permission` on `type`. */
export function scopesAllowing(
  scopes: readonly ResourceScope[],
  type: string,
  permission: Permission,
): ResourceScope[] {
  return scopes.filter((s) => (s.type === '*' || s.type === type) && s.permissions.has(permission));
}

/** The scope a request lacked, as a user can ask for it: `patient/Condition.rs (v1: patient/Condition.read)`. */
export function missingScopeName(context: 'patient' | 'user', type: string, permission: Permission): string {
  const write = permission === 'c' || permission === 'u' || permission === 'd';
  const v2 = write ? permission : 'rs';
  return `${context}/${type}.${v2} (v1: ${context}/${type}.${write ? 'write' : 'read'})`;
}
