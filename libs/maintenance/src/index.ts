export { MaintenanceService } from './maintenance.service.js';
export type { SweepReport } from './maintenance.service.js';
export { MaintenanceModule } from './maintenance.module.js';
