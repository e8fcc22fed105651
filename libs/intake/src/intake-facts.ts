import type { IntakeFacts } from '#libs/classification';
import type { Intake } from './intake.entity.js';

/** The classifier's input, rebuilt from a stored intake. */
export function factsOf(intake: Intake): IntakeFacts {
  return {
    role: intake.role,
    country: intake.country,
    question: intake.question,
    ...(intake.language ? { language: intake.language } : {}),
    ...(intake.person ? { person: intake.person } : {}),
    ...(intake.employer ? { employer: intake.employer } : {}),
    consent: intake.consent,
  };
}
