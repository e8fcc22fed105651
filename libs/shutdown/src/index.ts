export { exitWithinDrainTime } from './exit-bound.js';
