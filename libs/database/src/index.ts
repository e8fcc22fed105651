export { DatabaseModule } from './database.module.js';
export { ENTITIES, SCHEMA_OPTIONS } from './schema.js';
export { ensureDatabaseExists, dropDatabase } from './ensure-database.js';
export { MIGRATIONS } from './migrations/index.js';
