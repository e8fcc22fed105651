export {
  CASE_STATUSES, CASE_RESULTS, CITIZEN_STATUSES, CASE_TRANSITIONS, MANUAL_STATUSES,
  checkTransition, citizenStatusOf, overallCitizenStatus, isOpen, meansContact,
} from './case-lifecycle.js';
export type { CaseStatus, CaseResult, CitizenStatus } from './case-lifecycle.js';
export { Case } from './case.entity.js';
export type { CaseOrigin } from './case.entity.js';
export { CaseEvent } from './case-event.entity.js';
export type { CaseEventType } from './case-event.entity.js';
export { CaseNote } from './case-note.entity.js';
export { Handoff, HANDOFF_STATUSES } from './handoff.entity.js';
export type { HandoffStatus } from './handoff.entity.js';
export { CaseError } from './case.error.js';
export { planChange } from './case-change.js';
export type { CaseChange, CaseState, ChangePlan } from './case-change.js';
export { CaseWriter } from './case-writer.js';
export type { LockedCase, NewCase } from './case-writer.js';
export type { CaseErrorCode } from './case.error.js';
export { DEFAULT_SLA, DEFAULT_TRIAGE_SLA, slaTargetFor, startClocks, resumeClocks, nextDue, warningAt } from './sla.js';
export { assignFairly } from './fair-assignment.js';
export type { AssignmentCandidate } from './fair-assignment.js';
export { effectiveClassification, overrulesAutomatic } from './effective-classification.js';
export type { HandDecision } from './effective-classification.js';
export { ManualDecision } from './manual-decision.entity.js';
export type { ManualDecisionKind } from './manual-decision.entity.js';
export { CasesService, worklistOf } from './cases.service.js';
export type { CaseDetail, NewRoutedCase, RoutedCase, StatusChange, WorklistLoad } from './cases.service.js';
export { CaseClassificationService } from './case-classification.service.js';
export { TriageService } from './triage.service.js';
export type { HandClassification, ReclassificationProposal } from './triage.service.js';
export { HandoffsService } from './handoffs.service.js';
export type { TransferRequest, WorklistHandoffs } from './handoffs.service.js';
export { AssignmentService } from './assignment.service.js';
export type { AssignmentRequest } from './assignment.service.js';
export { CaseTimersService } from './case-timers.service.js';
export { CaseSweepsService } from './case-sweeps.service.js';
export { OverviewService } from './overview.service.js';
export type { RegionOverview, TeamFigures, CaseWorkerLoad } from './overview.service.js';
export { CasesModule } from './cases.module.js';
