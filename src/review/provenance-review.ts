/** Summarises a draft's Provenance: who, when, which app version, which resources were used. */
import { APP_VERSION_EXTENSION } from '../domain/draft/urls.ts';
import { codings, type JsonObject, obj, objects, refOf, str } from './json-access.ts';
import type { KeyField, ProvenanceReview } from './types.ts';

/** No Provenance was available. */
export const NO_PROVENANCE: ProvenanceReview = { found: false, agents: [], entities: [] };

function who(agent: JsonObject): string {
  const whoRef = obj(agent, 'who');
  return (
    str(whoRef, 'reference') ??
    str(whoRef, 'display') ??
    str(obj(whoRef, 'identifier'), 'value') ??
    '(not named)'
  );
}

/** Reads the first Provenance (the newest by `recorded` when there are several). */
export function reviewProvenance(provenances: readonly JsonObject[]): ProvenanceReview {
  const sorted = [...provenances].sort((a, b) =>
    (str(b, 'recorded') ?? '').localeCompare(str(a, 'recorded') ?? ''),
  );
  const provenance = sorted[0];
  if (provenance === undefined) {
    return NO_PROVENANCE;
  }
  const agents: KeyField[] = objects(provenance, 'agent').map((agent) => ({
    label: codings(obj(agent, 'type'))[0]?.code ?? 'agent',
    value: who(agent),
  }));
  const appVersion = objects(provenance, 'agent')
    .flatMap((agent) => objects(agent, 'extension'))
    .find((e) => str(e, 'url') === APP_VERSION_EXTENSION);
  const ref = refOf(provenance);
  const recorded = str(provenance, 'recorded');
  const version = str(appVersion, 'valueString');
  return {
    found: true,
    ...(ref === undefined ? {} : { ref }),
    ...(recorded === undefined ? {} : { recorded }),
    agents,
    ...(version === undefined ? {} : { appVersion: version }),
    entities: objects(provenance, 'entity').flatMap((e) => {
      const what = str(obj(e, 'what'), 'reference');
      return what === undefined ? [] : [what];
    }),
  };
}
