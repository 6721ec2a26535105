/**
 * Modifiers for the G9012 line, from the policy's rules and the user's requests (DESIGN.md §4).
 *
 * Modifier 22 is added only with a written justification and where the policy does not forbid it. Medicare
 * contractor guidance limits 22 to procedure codes with 0/10/90-day global periods (Noridian JE Part B
 * "Modifier 22", updated Dec 12, 2022; SOURCES.md §9); G9012 has global XXX, so the Medicare policy says no.
 * Telehealth modifiers (95 audio-video, 93 audio-only; SOURCES.md §10) are added only where a policy asks.
 */
import type {
  AppliedModifier,
  DeliveryMode,
  EvaluationWarning,
  ModifierJustification,
  Modifiers,
  RejectedModifier,
} from './evaluation.ts';
import { isUnpublished, type PayerPolicy } from './policy.ts';

/** Modifiers and the warnings they raise. */
export interface ModifierDecision {
  readonly modifiers: Modifiers;
  readonly warnings: readonly EvaluationWarning[];
}

/**
 * Decides the modifiers for the requests, the delivery mode and the policy.
 *
 * @param nameOf who justified a request, as the reason shows it (a name, not a raw reference)
 */
export function decideModifiers(
  policy: PayerPolicy,
  requests: readonly ModifierJustification[],
  delivery: DeliveryMode | undefined,
  nameOf: (by: string) => string,
): ModifierDecision {
  const applied: AppliedModifier[] = [];
  const rejected: RejectedModifier[] = [];
  const warnings: EvaluationWarning[] = [];
  for (const request of requests) {
    const rule = policy.modifiers.find((m) => m.code === request.code);
    if (!rule) {
      rejected.push({
        code: request.code,
        reason: `${policy.name} has no rule for modifier ${request.code}`,
        source: 'not published — verify with payer',
      });
      continue;
    }
    if (rule.allowed === 'no') {
      rejected.push({ code: rule.code, reason: rule.reason, source: rule.source });
      warnings.push({
        kind: 'modifier',
        message: `Modifier ${rule.code} not added for ${policy.name}: ${rule.reason}`,
        source: rule.source,
      });
      continue;
    }
    if (rule.requiresJustification && !request.justification.trim()) {
      rejected.push({
        code: rule.code,
        reason: 'A written justification of the extra work is required',
        source: rule.source,
      });
      continue;
    }
    applied.push({
      code: rule.code,
      reason: `Justified by ${nameOf(request.by)}: ${request.justification.trim().slice(0, 200)}`,
      source: rule.source,
    });
    if (rule.allowed === 'unverified' || isUnpublished(rule.source)) {
      warnings.push({
        kind: 'unpublished',
        message: `${policy.name}: modifier ${rule.code} on G9012 — not published — verify with payer`,
        source: rule.source,
      });
    }
  }
  if (delivery === 'audio-video' || delivery === 'audio-only') {
    const telehealth = policy.telehealth;
    const code = delivery === 'audio-video' ? telehealth.audioVideoModifier : telehealth.audioOnlyModifier;
    if (code) {
      applied.push({
        code,
        reason: `${delivery} telehealth: ${telehealth.reason}`,
        source: telehealth.source,
      });
    }
    if (isUnpublished(telehealth.source)) {
      warnings.push({
        kind: 'unpublished',
        message: `${policy.name}: telehealth place of service and modifiers for G9012 — not published — verify with payer`,
        source: telehealth.source,
      });
    }
  }
  return { modifiers: { applied, rejected }, warnings };
}
