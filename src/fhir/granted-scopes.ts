/** Reading granted SMART scopes (v1 `.read`/`.write`/`.*` and v2 `.cruds`), to decide what the app may do. */

/** One SMART permission letter. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

const scopeShape = /^(patient|user|system)\/([A-Za-z]+|\*)\.([^?]+)(\?.*)?$/;

function permissionsOf(suffix: string): Set<Permission> {
  if (suffix === 'read') {
    return new Set(['r', 's']);
  }
  if (suffix === 'write') {
    return new Set(['c', 'u', 'd']);
  }
  if (suffix === '*') {
    return new Set(['c', 'r', 'u', 'd', 's']);
  }
  if (/^c?r?u?d?s?$/.test(suffix)) {
    return new Set([...suffix] as Permission[]);
  }
  return new Set();
}

/** Whether any granted scope allows `permission` on `resourceType` (a v2 query-restricted scope counts). */
export function scopesGrant(
  granted: readonly string[],
  resourceType: string,
  permission: Permission,
): boolean {
  return granted.some((scope) => {
    const match = scopeShape.exec(scope);
    if (!match) {
      return false;
    }
    const [, , type, suffix] = match;
    return (type === '*' || type === resourceType) && permissionsOf(suffix ?? '').has(permission);
  });
}
