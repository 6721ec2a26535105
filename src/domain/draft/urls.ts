/**
 * Every URL the app mints for its drafts, defined once.
 *
 * The app owns the base `https://g9012.example.org/fhir`. Everything a payer-review tool needs to re-read a
 * draft hangs off it: the draft identifier system, the criterion CodeSystem, and the extensions. The review
 * tool (DESIGN.md §1, payer reviewer) reads these constants, so change them only with a migration note.
 *
 * - `DRAFT_IDENTIFIER_SYSTEM`: `ChargeItem.identifier` / `Claim.identifier` system. The value is derived from
 *   patient, period, code and payer (`draftIdentifier`), so the same draft always gets the same identifier and
 *   a conditional create (`If-None-Exist: identifier=<system>|<value>`) never makes a duplicate.
 * - `CRITERION_CODE_SYSTEM`: codes are the criterion ids of `CRITERION_IDS` (`care-coordination`, ...).
 *   `Claim.supportingInfo.code` carries the criterion a piece of evidence or an attestation supports.
 * - `SUPPORTS_CRITERION_EXTENSION`: on a `ChargeItem.supportingInformation` Reference, `valueCode` = the
 *   criterion id that evidence supports (ChargeItem has no coded slot for it in R4).
 * - `CHARGE_ITEM_MODIFIER_EXTENSION`: on a ChargeItem, `valueCoding` = one modifier of the G9012 line
 *   (R4 ChargeItem has no modifier element; Claim uses `item.modifier`).
 * - `DRAFT_PROVENANCE_TAG_SYSTEM`: `Provenance.meta.tag` system; the code is `<ResourceType>_<draft identifier
 *   value>`. R4 Provenance has no `identifier`, so its conditional create is `If-None-Exist: _tag=<system>|<code>`
 *   (standard `_tag` search, unlike chained `target:ChargeItem.identifier`, which not every server supports).
 *   A review tool finds a draft's Provenance with the same search.
 * - `APP_SOFTWARE_SYSTEM`: identifier system for the app as a software agent (a logical Device reference in
 *   Provenance; no Device resource has to exist on the server).
 * - `APP_VERSION_EXTENSION`: on the app's `Provenance.agent`, `valueString` = the app version that built the
 *   draft. The same version is in that agent's `who.display`.
 */

/** The app's own base URL. */
export const APP_BASE_URL = 'https://g9012.example.org/fhir';

/** Business identifier system for drafts. */
export const DRAFT_IDENTIFIER_SYSTEM = `${APP_BASE_URL}/sid/draft`;

/** `Provenance.meta.tag` system that ties a Provenance to its draft (code `<ResourceType>_<identifier value>`). */
export const DRAFT_PROVENANCE_TAG_SYSTEM = `${APP_BASE_URL}/sid/draft-provenance`;

/** CodeSystem whose codes are the G9012 criterion ids. */
export const CRITERION_CODE_SYSTEM = `${APP_BASE_URL}/CodeSystem/g9012-criterion`;

/** Extension (valueCode: criterion id) on a ChargeItem.supportingInformation Reference. */
export const SUPPORTS_CRITERION_EXTENSION = `${APP_BASE_URL}/StructureDefinition/supports-criterion`;

/** Extension (valueCoding: modifier) on a ChargeItem. */
export const CHARGE_ITEM_MODIFIER_EXTENSION = `${APP_BASE_URL}/StructureDefinition/charge-item-modifier`;

/** Identifier system for the app as a software agent. */
export const APP_SOFTWARE_SYSTEM = `${APP_BASE_URL}/sid/software`;

/** Extension (valueString: app version) on the app's Provenance.agent. */
export const APP_VERSION_EXTENSION = `${APP_BASE_URL}/StructureDefinition/app-version`;

/** HCPCS Level II. Source: DESIGN.md §5 code systems (emit http://, accept https:// on read). */
export const HCPCS_SYSTEM = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';

/** CPT. Source: DESIGN.md §5 code systems. */
export const CPT_SYSTEM = 'http://www.ama-assn.org/go/cpt';

/** ICD-10-CM. Source: DESIGN.md §5 code systems. */
export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** CMS place of service. Source: DESIGN.md §5; SOURCES.md §8 (CMS Place of Service Code Set). */
export const PLACE_OF_SERVICE_SYSTEM =
  'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

/** Source: HL7 FHIR R4 Claim.type, CodeSystem claim-type (extensible binding). */
export const CLAIM_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claim-type';

/** Source: HL7 FHIR R4 Claim.priority, CodeSystem processpriority (example binding). */
export const PROCESS_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/processpriority';

/** Source: HL7 FHIR R4 Claim.supportingInfo.category, CodeSystem claiminformationcategory (example binding). */
export const CLAIM_INFORMATION_CATEGORY_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/claiminformationcategory';

/** Source: HL7 FHIR R4 Claim.careTeam.role, CodeSystem claimcareteamrole (example binding). */
export const CARE_TEAM_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claimcareteamrole';

/** Source: HL7 FHIR R4 Provenance.agent.type, CodeSystem provenance-participant-type (extensible binding). */
export const PROVENANCE_PARTICIPANT_TYPE_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** Source: HL7 FHIR R4 Provenance.activity, v3 DataOperation (extensible binding). */
export const DATA_OPERATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
