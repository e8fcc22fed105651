export { STAFF_ROLES, NATIONAL, canWorkOn, isCoordinatorOf, worklistName } from './access-policy.js';
export type { Actor, StaffRole, WorklistKey } from './access-policy.js';
export { CaseWorker } from './case-worker.entity.js';
export { StaffError } from './staff.error.js';
export type { StaffErrorCode } from './staff.error.js';
export { DEMO_USERNAMES, StaffService } from './staff.service.js';
export type { NewCaseWorker, CaseWorkerChanges } from './staff.service.js';
export { StaffModule } from './staff.module.js';
