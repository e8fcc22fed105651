export { parsePostcode, isWellFormedPostcode } from './postcode.js';
export { RegionDirectory } from './region-directory.js';
export type { Region, Pc4Assignment } from './region-directory.js';
export { readRegionData } from './region-data.js';
export type { RegionData, RegionRow, GemeenteRow, Pc4Row } from './region-data.js';
export { RegionsService } from './regions.service.js';
export { RegionsModule } from './regions.module.js';
