export { worklistFor } from './worklist-for.js';
export { RoutingService } from './routing.service.js';
export type { RoutingOutcome } from './routing.service.js';
export { RoutingModule } from './routing.module.js';
