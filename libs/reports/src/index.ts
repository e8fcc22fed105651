export { ReportsService } from './reports.service.js';
export type { ClassificationReport, ReportFilter, RuleFigures } from './reports.service.js';
export { ReportsModule } from './reports.module.js';
