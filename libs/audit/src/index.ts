export { AuditEntry } from './audit-entry.entity.js';
export { AuditService } from './audit.service.js';
export type { AuditActor, AuditQuery, AuditRecord } from './audit.service.js';
export { AuditModule } from './audit.module.js';
