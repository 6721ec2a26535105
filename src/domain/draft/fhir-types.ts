/**
 * The FHIR R4 wire types the draft builders emit (type-only, from @types/fhir `fhir/r4`), re-exported in one
 * place so the rest of the domain imports them from here.
 */
export type {
  Annotation,
  Bundle,
  BundleEntry,
  ChargeItem,
  Claim,
  ClaimDiagnosis,
  ClaimItem,
  ClaimSupportingInfo,
  CodeableConcept,
  Extension,
  Identifier,
  Provenance,
  ProvenanceAgent,
  Reference,
} from 'fhir/r4';
