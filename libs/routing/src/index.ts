export { worklistFor } from './worklist-for.js';
export { RoutingService } from './routing.service.js';
export type { RoutingFailure, RoutingOutcome, StragglerReport } from './routing.service.js';
export { RoutingModule } from './routing.module.js';
