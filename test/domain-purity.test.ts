import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain core must stay pure: no clock, no DOM, no network, no UI or FHIR-client imports.
// Biome's noRestrictedImports covers imports; this covers the globals a lint rule cannot see.
const forbidden: ReadonlyArray<[RegExp, string]> = [
  [/\bDate\.now\(/, 'reads the clock (Date.now)'],
  [/new Date\(\s*\)/, 'reads the clock (new Date())'],
  [/\bwindow\./, 'touches window'],
  [/\bdocument\./, 'touches document'],
  [/\bfetch\(/, 'does network I/O'],
  [/\bMath\.random\(/, 'is non-deterministic'],
  [/from ['"](lit|fhirclient|msw)/, 'imports a UI or network library'],
  // Relative imports only: the type-only package `fhir/r4` is allowed, the edge folder `src/fhir/` is not.
  [/from ['"](\.\.?\/)+([\w-]+\/)*(ui|fhir|cli)\//, 'imports an edge module'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('src/domain purity', () => {
  it('has no clock, DOM, network or edge imports', () => {
    const offences = sourceFiles(join(import.meta.dirname, '../src/domain')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${file} ${why}`);
    });
    expect(offences).toEqual([]);
  });
});
