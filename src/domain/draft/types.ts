/**
 * Inputs and outputs of the pure draft builders (ChargeItem, Claim, Provenance, Bundles).
 *
 * Everything time- or randomness-dependent comes in as an argument: `asOf` and `recorded` from the caller's
 * clock, `DraftIds` from the caller's uuid generator. The builders never default billing data: a missing
 * provider, coverage, diagnosis or place of service is a refusal with a reason, never a guess.
 */
import type { ModifierJustification } from '../evaluation.ts';
import type { Ref } from '../record.ts';
import type { ChargeItem, Claim } from './fhir-types.ts';

/** Which draft resource to build. */
export type DraftKind = 'chargeitem' | 'claim';

/** The draft resource for a kind. */
export type DraftResource = ChargeItem | Claim;

/** What the user chose in the draft panel (or on the CLI). Every field is optional; none is defaulted. */
export interface DraftChoices {
  /**
   * The CMS place-of-service code, when the evaluation offers candidates (e.g. `02` or `10` for a virtual
   * encounter) or derived none. Must be one of the candidates when there are candidates.
   */
  readonly placeOfService?: string;
  /** The Coverage to bill, when the record holds several active ones (`Coverage/id`). */
  readonly coverage?: Ref;
  /** The billing provider for a Claim (`Practitioner/id`, `PractitionerRole/id` or `Organization/id`). */
  readonly provider?: Ref;
  /** ChargeItem.context: the Encounter or EpisodeOfCare the charge belongs to. */
  readonly context?: Ref;
  /** The written justifications behind requested modifiers (modifier 22), copied into the draft's text. */
  readonly modifierJustifications?: readonly ModifierJustification[];
}

/** Caller-generated ids (uuids) for the Bundle entries: `urn:uuid:<draft>` and `urn:uuid:<provenance>`. */
export interface DraftIds {
  readonly draft: string;
  readonly provenance: string;
}

/** The software that built the draft, recorded in Provenance for the payer-review tool. */
export interface AppInfo {
  /** e.g. `G9012 case-management app`. */
  readonly name: string;
  /** e.g. `0.1.0` (package.json version). */
  readonly version: string;
}

/** Why no draft was built. `offer` names the kind the user can draft instead, when there is one. */
export interface DraftRefusal {
  readonly ok: false;
  /** A stable code for the UI and the CLI exit status. */
  readonly code: RefusalCode;
  /** One plain-language line the user can act on. */
  readonly reason: string;
  /** Details, e.g. one line per blocking criterion. */
  readonly details: readonly string[];
  readonly offer?: DraftKind;
}

/** Why a draft was refused. */
export type RefusalCode =
  | 'not-billable'
  | 'incomplete'
  | 'no-coverage'
  | 'no-provider'
  | 'no-diagnosis'
  | 'no-units'
  | 'place-of-service'
  | 'choice-invalid';

/** A draft, or the reason there is none. */
export type DraftResult<T extends DraftResource> = { readonly ok: true; readonly resource: T } | DraftRefusal;
