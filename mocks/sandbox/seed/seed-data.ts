import { join } from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import type { NamedBundle } from './bundle-files.ts';
import { readBundleDir } from './bundle-files.ts';
import { shiftToToday } from './date-shift.ts';
import { resolveBundleReferences } from './resolve-references.ts';
import { sandboxStaff } from './sandbox-staff.ts';
import { loadScenarioBundles } from './scenario-bundles.ts';
import { stampSeedMeta } from './seed-meta.ts';
import { syntheticCoverage } from './synthetic-coverage.ts';

/** The `mocks/` folder. */
export const MOCKS_DIR = join(import.meta.dirname, '..', '..');
/** The public synthetic bundles copied from the shared data folder. */
export const PUBLIC_DATA_DIR = join(MOCKS_DIR, 'data', 'public');

/** Where the seed comes from. */
export interface SeedOptions {
  /** "Today" for the date shift. */
  today: Date;
  /** A folder of Bundles to load instead of the public data and the scenario patients (`SANDBOX_DATA`). */
  dataDir?: string;
  /** Bundles given directly (tests); when set, no folder is read. */
  bundles?: readonly NamedBundle[];
  log?: (line: string) => void;
}

/**
 * Builds the sandbox's seed: the bundles (the project's scenarios first, meets-all leading, then the public
 * data; the pages list patients in this order) with references resolved to `Type/id`, each patient
 * date-shifted into the current month (see `shiftToToday`), then the made-up staff, payers and Coverage.
 * Every resource gets a deterministic meta (see `stampSeedMeta`).
 */
export async function buildSeed(options: SeedOptions): Promise<Resource[]> {
  const log = options.log ?? (() => undefined);
  const bundles =
    options.bundles ??
    (options.dataDir
      ? readBundleDir(options.dataDir)
      : [...(await loadScenarioBundles(MOCKS_DIR, log)), ...readBundleDir(PUBLIC_DATA_DIR)]);
  const resources = bundles.flatMap(({ bundle }) => resolveBundleReferences(bundle));
  shiftToToday(resources, options.today);
  const seed = [...resources, ...sandboxStaff(), ...syntheticCoverage(resources, options.today)];
  const fallback = `${options.today.getUTCFullYear() - 1}-01-01T00:00:00Z`;
  for (const resource of seed) {
    stampSeedMeta(resource, fallback, options.today);
  }
  return seed;
}
