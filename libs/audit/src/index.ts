export { AuditEntry } from './audit-entry.entity.js';
export { AuditService } from './audit.service.js';
export type { AuditActor, AuditQuery, AuditRecord } from './audit.service.js';
export { AuditModule } from './audit.module.js';
export { AuditSeal } from './audit-seal.entity.js';
export { sealPending, verifyChain, linkHash } from './audit-chain.js';
export type { ChainReport, Query } from './audit-chain.js';
