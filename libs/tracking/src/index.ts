export { TrackingService } from './tracking.service.js';
export type { TrackingView } from './tracking.service.js';
export { citizenJourney, type JourneyStep } from './journey.js';
export { TrackingModule } from './tracking.module.js';
