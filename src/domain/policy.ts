/**
 * Payer policies are data: JSON files validated by this schema (DESIGN.md §4). A user adds a payer by adding
 * a file; no code changes. Every rule carries a `source` (document, section, date) or exactly
 * `NOT_PUBLISHED`. Payer recognition (`match`) is not a billing rule: it says how to spot the payer.
 */
import { z } from 'zod';
import { CRITERION_IDS } from './evaluation.ts';

/** The explicit marker for a rule no payer document publishes. It is shown to the user as a warning. */
export const NOT_PUBLISHED = 'not published — verify with payer';

const source = z.string().trim().min(1, 'every rule needs a source or "not published — verify with payer"');

const criterionId = z.enum(CRITERION_IDS);

const sourcedNumber = z.object({ value: z.number().int().nonnegative(), source }).strict();

const codeMatch = z.object({ system: z.string().min(1).optional(), code: z.string().min(1) }).strict();
const identifierMatch = z.object({ system: z.string().min(1).optional(), value: z.string().min(1) }).strict();

/** How the payer is recognised from Coverage (recognition, not a billing rule). */
const matchSchema = z
  .object({
    /** Case-insensitive names matched as whole words in the payor Organization's name or Coverage.payor display. */
    payorNames: z.array(z.string().min(2)),
    /** Exact payor Organization identifiers (system optional). */
    payorIdentifiers: z.array(identifierMatch),
    /** Coverage.type codings that identify the programme (system optional). */
    coverageTypes: z.array(codeMatch),
    /** Why these names and codes identify the payer. */
    basis: z.string().min(1),
  })
  .strict();

const modifierRule = z
  .object({
    code: z.string().min(1).max(2),
    /** `yes` published as allowed, `no` published as not allowed, `unverified` nothing published. */
    allowed: z.enum(['yes', 'no', 'unverified']),
    /** Add only with a written justification from the user. */
    requiresJustification: z.boolean(),
    reason: z.string().min(1),
    source,
  })
  .strict();

const telehealthRule = z
  .object({
    /** Place-of-service codes the payer uses for telehealth. */
    placeOfService: z.array(z.enum(['02', '10'])),
    /** Modifier to append for audio-video delivery, when the payer asks for one. */
    audioVideoModifier: z.string().min(1).max(2).optional(),
    /** Modifier to append for audio-only delivery, when the payer asks for one. */
    audioOnlyModifier: z.string().min(1).max(2).optional(),
    reason: z.string().min(1),
    source,
  })
  .strict();

/** The zod schema of a payer policy file. */
export const payerPolicySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    programme: z.enum(['medicare', 'medicaid', 'commercial', 'other']),
    match: matchSchema,
    /** What the payer says about paying G9012 at all. */
    g9012: z
      .object({
        payable: z.enum(['no', 'unknown', 'yes']),
        text: z.string().min(1),
        source,
      })
      .strict(),
    requiredCriteria: z.object({ criteria: z.array(criterionId), source }).strict(),
    /** Thresholds; an absent value means the app's documented default (DESIGN.md §4) applies. */
    thresholds: z
      .object({
        minChronicConditions: sourcedNumber.optional(),
        chronicMinDays: sourcedNumber.optional(),
        transitionWindowDays: sourcedNumber.optional(),
        minMinutes: sourcedNumber.optional(),
        source,
      })
      .strict(),
    units: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('per-period'), quantity: z.number().int().positive(), source }).strict(),
        z.object({ kind: z.literal('per-minutes'), minutes: z.number().int().positive(), source }).strict(),
      ])
      .describe('units rule'),
    modifiers: z.array(modifierRule),
    telehealth: telehealthRule,
    notes: z.array(z.object({ text: z.string().min(1), source }).strict()),
  })
  .strict();

/** A validated payer policy. */
export type PayerPolicy = z.infer<typeof payerPolicySchema>;
/** A policy's modifier rule. */
export type ModifierRule = z.infer<typeof modifierRule>;

/** The result of reading one policy file. */
export type PolicyParseResult =
  | { readonly ok: true; readonly policy: PayerPolicy }
  | { readonly ok: false; readonly problem: string };

/** Validates any JSON value as a payer policy; the problem names the path, e.g. `units.source: ...`. */
export function parsePolicy(json: unknown): PolicyParseResult {
  const result = payerPolicySchema.safeParse(json);
  if (result.success) {
    return { ok: true, policy: result.data };
  }
  const first = result.error.issues[0];
  const path = first?.path.map(String).join('.') || '(root)';
  return { ok: false, problem: `${path}: ${first?.message ?? 'invalid policy'}` };
}

/** Whether a source is the "not published" marker. */
export function isUnpublished(src: string): boolean {
  return src.trim() === NOT_PUBLISHED;
}
