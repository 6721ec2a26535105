import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bundle } from '@medplum/fhirtypes';
import type { NamedBundle } from './bundle-files.ts';

/** What `mocks/patients/index.ts` exports: `scenarios`, each with a Bundle. */
interface ScenarioModule {
  scenarios?: unknown;
}

/**
 * Loads the project's hand-written G9012 scenario patients from `mocks/patients/index.ts` when that module
 * exists. Its absence is not an error: the sandbox then serves the public data alone, and says so once.
 */
export async function loadScenarioBundles(
  mocksDir: string,
  log: (line: string) => void,
): Promise<NamedBundle[]> {
  const file = join(mocksDir, 'patients', 'index.ts');
  if (!existsSync(file)) {
    log('sandbox: no scenario patients (mocks/patients/index.ts not found); serving the public data only');
    return [];
  }
  const module = (await import(pathToFileURL(file).href)) as ScenarioModule;
  if (!Array.isArray(module.scenarios)) {
    log('sandbox: mocks/patients/index.ts exports no `scenarios` array; serving the public data only');
    return [];
  }
  const bundles: NamedBundle[] = [];
  for (const scenario of module.scenarios as unknown[]) {
    const { id, bundle } = (scenario ?? {}) as { id?: unknown; bundle?: Bundle };
    if (typeof id === 'string' && bundle?.resourceType === 'Bundle') {
      bundles.push({ name: `scenario-${id}`, bundle });
    }
  }
  log(`sandbox: loaded ${bundles.length} scenario patients from mocks/patients`);
  return bundles;
}
