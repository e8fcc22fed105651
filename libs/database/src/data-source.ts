import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { SCHEMA_OPTIONS } from './schema.js';

/**
 * The data source of the TypeORM CLI (npm run migration:generate / migration:run / migration:revert), compiled to
 * dist/libs/database/src/data-source.js. Only MIGRATION_DATABASE_URL (the owner; else DATABASE_URL) matters here, validated as the app validates it (same
 * default); the app's other settings, such as JWT_SECRET in production, are not needed to migrate.
 */
export default new DataSource({
  ...SCHEMA_OPTIONS,
  url: loadConfig({ DATABASE_URL: process.env.DATABASE_URL, MIGRATION_DATABASE_URL: process.env.MIGRATION_DATABASE_URL }).ownerDatabaseUrl,
});
