export {
  CASE_STATUSES, CASE_RESULTS, CITIZEN_STATUSES, CASE_TRANSITIONS, MANUAL_STATUSES,
  checkTransition, citizenStatusOf, isOpen,
} from './case-lifecycle.js';
export type { CaseStatus, CaseResult, CitizenStatus } from './case-lifecycle.js';
export { Case } from './case.entity.js';
export type { CaseOrigin } from './case.entity.js';
export { CaseEvent } from './case-event.entity.js';
export type { CaseEventType } from './case-event.entity.js';
export { CaseError } from './case.error.js';
export type { CaseErrorCode } from './case.error.js';
export { CasesService } from './cases.service.js';
export type { CaseDetail, NewRoutedCase, StatusChange, TransferRequest } from './cases.service.js';
export { CasesModule } from './cases.module.js';
