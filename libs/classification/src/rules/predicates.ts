// The conditions that are code rather than data, referenced from the ruleset by name.
import type { PersonFacts } from '../classification.types.js';
import type { PredicateName } from '../ruleset/ruleset.types.js';
import type { CompiledCondition, EvaluationContext } from './evaluation-context.js';
import { UNANSWERED_VALUES } from './fields.js';

/** G1: every person.* field absent, unknown or prefer_not_to_say (benefit = other is an answer). */
function personUnanswered(ctx: EvaluationContext): boolean {
  const person: PersonFacts | undefined = ctx.person;
  if (!person) return true;
  for (const value of Object.values(person) as unknown[]) {
    if (value !== undefined && value !== null && !UNANSWERED_VALUES.includes(value as string)) return false;
  }
  return true;
}

/** G7: decided before the level rules run (role-check.ts), because it chooses the reading they run under. */
function roleConflict(ctx: EvaluationContext): boolean {
  return ctx.roleConflict;
}

/** The region keeps 1.0.0's strict reading: health words count only with the consent box ticked. */
function strictHealthConsent(ctx: EvaluationContext): boolean {
  return !ctx.healthOwnWords;
}

/** The text speaks as an employee ("mijn werkgever", "ik werk bij …"), whatever the role. */
function employeeVoice(ctx: EvaluationContext): boolean {
  return ctx.text.voices.employee;
}

export const PREDICATES: Readonly<Record<PredicateName, CompiledCondition>> = {
  'person-unanswered': personUnanswered,
  'role-conflict': roleConflict,
  'strict-health-consent': strictHealthConsent,
  'employee-voice': employeeVoice,
};
