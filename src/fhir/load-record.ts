import type { AppConfig } from '../config/app-config.ts';
import type { MedicationListSource } from '../domain/record.ts';
import {
  type CapabilityCache,
  capabilityFrom,
  memoryCapabilityCache,
  type ServerCapability,
  serverHasType,
  sessionCapabilityCache,
} from './capability.ts';
import { AuthExpired, isKnownError, type KnownError, LaunchError } from './errors.ts';
import { fetchFhirJson, type RetryPolicy } from './fhir-fetch.ts';
import type { DataNote, LoadedRecord, TypeProgress } from './load-result.ts';
import { type RawEntry, readTask, type TaskResult } from './read-pages.ts';
import { planReads, type ReadTask } from './read-plan.ts';
import { recordFromEntries } from './record/index.ts';
import type { FhirSession } from './session.ts';
import { writeAbility } from './write-ability.ts';

/** Options for one load. */
export interface LoadOptions {
  /** Called with every type's progress whenever one changes. */
  readonly onProgress?: (progress: readonly TypeProgress[]) => void;
  readonly signal?: AbortSignal;
  /** Replaces the retry wait (tests observe Retry-After without sleeping). */
  readonly sleep?: RetryPolicy['sleep'];
  /** Where the CapabilityStatement summary is kept for this launch; defaults to this tab's sessionStorage. */
  readonly capabilityCache?: CapabilityCache;
}

interface Running {
  readonly task: ReadTask;
  readonly controller: AbortController;
  /** Set when the CapabilityStatement made this read pointless; its outcome is then ignored. */
  dropped?: 'unavailable' | 'skipped';
  result?: TaskResult;
  error?: unknown;
}

const medicationTypes = ['MedicationStatement', 'MedicationRequest'] as const;

function defaultCache(): CapabilityCache {
  return typeof sessionStorage === 'undefined'
    ? memoryCapabilityCache()
    : sessionCapabilityCache(sessionStorage);
}

function medicationFromCapability(capability: ServerCapability): MedicationListSource {
  return medicationTypes.find((type) => serverHasType(capability, type)) ?? 'none';
}

function medicationFromResults(running: readonly Running[]): MedicationListSource {
  return (
    medicationTypes.find((type) => running.some((read) => read.task.resourceType === type && read.result)) ??
    'none'
  );
}

function entryKey(entry: RawEntry): string | undefined {
  const resource = entry.resource as { resourceType?: unknown; id?: unknown };
  return typeof resource.resourceType === 'string' && typeof resource.id === 'string'
    ? `${resource.resourceType}/${resource.id}`
    : undefined;
}

/** Entries of every kept read, Patient first, each `Type/id` once (`_include`s repeat across pages). */
function collectEntries(running: readonly Running[]): RawEntry[] {
  const seen = new Set<string>();
  const out: RawEntry[] = [];
  for (const read of running) {
    for (const entry of read.dropped ? [] : (read.result?.entries ?? [])) {
      const key = entryKey(entry);
      if (key !== undefined && seen.has(key)) {
        continue;
      }
      if (key !== undefined) {
        seen.add(key);
      }
      out.push(entry);
    }
  }
  return out;
}

function progressOf(read: Running): TypeProgress {
  const base = { resourceType: read.task.resourceType, count: 0, pages: 0, truncated: false };
  if (read.dropped) {
    return { ...base, state: read.dropped };
  }
  if (read.result) {
    const { matched, pages, truncated } = read.result;
    return { ...base, state: 'done', count: matched, pages, truncated };
  }
  if (read.error !== undefined) {
    return { ...base, state: 'failed', ...(isKnownError(read.error) ? { error: read.error } : {}) };
  }
  return { ...base, state: 'loading' };
}

function notesFor(
  running: readonly Running[],
  capability: ServerCapability | undefined,
  medicationSource: MedicationListSource,
  pageLimit: number,
): DataNote[] {
  const notes: DataNote[] = [{ kind: 'medication-source', source: medicationSource }];
  if (!capability) {
    notes.push({ kind: 'capability-unknown' });
  }
  for (const read of running) {
    const resourceType = read.task.resourceType;
    if (read.dropped === 'unavailable') {
      notes.push({ kind: 'unavailable', resourceType });
    } else if (read.dropped) {
      continue;
    } else if (read.error !== undefined && isKnownError(read.error)) {
      notes.push({ kind: 'failed', resourceType, error: read.error });
    } else if (read.result?.truncated) {
      notes.push({ kind: 'truncated', resourceType, count: read.result.matched, pageLimit });
    }
    if (read.result?.foreignNextLink) {
      notes.push({ kind: 'foreign-next-link', resourceType });
    }
  }
  return notes;
}

/** A fatal error ends the whole load: the Patient could not be read, or the session is gone. */
function fatal(read: Running): KnownError | undefined {
  if (read.dropped || read.error === undefined || !isKnownError(read.error)) {
    return undefined;
  }
  return read.error instanceof AuthExpired || read.task.resourceType === 'Patient' ? read.error : undefined;
}

/**
 * Load one patient's record in a single parallel wave: the CapabilityStatement (unless cached), the
 * Patient, every searched type (both MedicationStatement and MedicationRequest when the capability is not
 * yet known) and the signed-in user all start together. When the CapabilityStatement arrives, reads of
 * types the server lacks are cancelled and shown as "not available", and the unneeded medication source
 * is dropped. Each search follows its next links up to `config.paging.pageLimit` pages.
 *
 * Per-type failures (403, 404, 429/503 after retries...) are kept as notes and the rest of the record is
 * still shown; a failure to read the Patient, or an expired session, rejects the whole load.
 * @throws {LaunchError | KnownError}
 */
export async function loadPatientRecord(
  session: FhirSession,
  config: AppConfig,
  options: LoadOptions = {},
): Promise<LoadedRecord> {
  const patientId = session.patientId;
  if (!patientId) {
    throw new LaunchError('no-patient');
  }
  const cache = options.capabilityCache ?? defaultCache();
  const cacheKey = `${session.serverUrl} ${session.launchId ?? ''}`;
  const cached = cache.get(cacheKey);
  const retry: RetryPolicy = options.sleep ? { ...config.retry, sleep: options.sleep } : config.retry;
  const metadataController = new AbortController();

  const running: Running[] = planReads(session, config, patientId).map((task) => ({
    task,
    controller: new AbortController(),
  }));
  const report = () => options.onProgress?.(running.map(progressOf));
  const abortAll = () => {
    metadataController.abort();
    for (const read of running) {
      read.controller.abort();
    }
  };
  options.signal?.addEventListener('abort', abortAll, { once: true });
  const drop = (read: Running, why: 'unavailable' | 'skipped') => {
    read.dropped = why;
    read.controller.abort();
  };
  const applyCapability = (capability: ServerCapability) => {
    const source = medicationFromCapability(capability);
    for (const read of running) {
      const type = read.task.resourceType;
      if (!serverHasType(capability, type)) {
        drop(read, 'unavailable');
      } else if ((medicationTypes as readonly string[]).includes(type) && type !== source) {
        drop(read, 'skipped');
      }
    }
  };
  if (cached) {
    applyCapability(cached);
  }

  const reads = running
    .filter((read) => !read.dropped)
    .map(async (read) => {
      try {
        read.result = await readTask(session, read.task, {
          pageLimit: config.paging.pageLimit,
          retry,
          signal: read.controller.signal,
          onPage: () => report(),
        });
      } catch (error) {
        read.error = error;
        if (fatal(read)) {
          abortAll();
        }
      }
      report();
    });
  const metadata = cached
    ? Promise.resolve(cached)
    : fetchFhirJson(session, `${session.serverUrl}/metadata`, retry, {
        resourceType: 'CapabilityStatement',
        requiredScope: '',
        signal: metadataController.signal,
      }).then(capabilityFrom, () => undefined);
  report();

  const capability = await metadata;
  if (capability && !cached) {
    cache.set(cacheKey, capability);
    applyCapability(capability);
    report();
  }
  await Promise.all(reads);
  options.signal?.removeEventListener('abort', abortAll);
  const failure = running.map(fatal).find((error) => error !== undefined);
  if (failure) {
    throw failure;
  }
  options.signal?.throwIfAborted();

  let medicationSource = capability ? medicationFromCapability(capability) : medicationFromResults(running);
  if (!capability) {
    for (const read of running) {
      if ((medicationTypes as readonly string[]).includes(read.task.resourceType) && read.result) {
        if (read.task.resourceType !== medicationSource) {
          read.dropped = 'skipped';
        }
      }
    }
  }
  if (
    medicationSource !== 'none' &&
    !running.some((r) => r.task.resourceType === medicationSource && r.result)
  ) {
    medicationSource = 'none';
  }
  report();

  const built = recordFromEntries(collectEntries(running), {
    patientId,
    medicationSource,
    ...(session.fhirUser ? { user: session.fhirUser } : {}),
  });
  const notes = notesFor(running, capability, medicationSource, config.paging.pageLimit);
  notes.push(...built.invalid.map((item): DataNote => ({ kind: 'invalid', ...item })));
  notes.push(...built.problems.map((text): DataNote => ({ kind: 'problem', text })));
  return {
    ...(built.record ? { record: built.record } : {}),
    serverUrl: session.serverUrl,
    needPatientBanner: session.needPatientBanner,
    medicationSource,
    progress: running.map(progressOf),
    notes,
    invalid: built.invalid,
    problems: built.problems,
    ...(capability ? { capability } : {}),
    write: {
      ChargeItem: writeAbility(session, capability, 'ChargeItem'),
      Claim: writeAbility(session, capability, 'Claim'),
      ...(config.writeTarget ? { target: config.writeTarget } : {}),
    },
  };
}
