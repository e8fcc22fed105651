export { Intake } from './intake.entity.js';
export type { Contact, Consent } from './intake.entity.js';
export { IntakeError } from './intake.error.js';
export type { IntakeErrorCode } from './intake.error.js';
export { factsOf } from './intake-facts.js';
export { IntakeService } from './intake.service.js';
export type { IntakePreview, IntakeSubmission, SubmitOutcome } from './intake.service.js';
export { IntakeModule } from './intake.module.js';
