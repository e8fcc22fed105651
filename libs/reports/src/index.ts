export { ReportsService } from './reports.service.js';
export type { ClassificationReport, ReportFilter, RuleFigures, SuggestionReport } from './reports.service.js';
export { suggestTerms, DEFAULT_SUGGESTION_OPTIONS, type RouteSuggestions, type SuggestedTerm } from './suggestions.js';
export { ReportsModule } from './reports.module.js';
export { ReplayService, REPLAY_LIMIT, type ReplayReport } from './replay.service.js';
export { compareReplay, type ReplayChange, type ReplayComparison, type ReplayedIntake } from './replay.js';
