export { TrackingService } from './tracking.service.js';
export type { TrackingView } from './tracking.service.js';
export { TrackingModule } from './tracking.module.js';
