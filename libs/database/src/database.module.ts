import { Logger, Module } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '#libs/config';
import { ensureDatabaseExists } from './ensure-database.js';
import { SCHEMA_OPTIONS } from './schema.js';

/** Any fixed number: serialises migration runs when api and worker processes start at the same time. */
const MIGRATION_LOCK = 72_310_522;

/**
 * A pooled connection whose backend dies while it is checked out can emit 'error' after TypeORM has dropped its own
 * listener; unheard, that error would crash the process. Every connection gets a listener that only logs the kind:
 * the query that was running already fails with it (and becomes a 503).
 */
function guardPooledConnections(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: EventEmitter }).master;
  if (!pool) return;
  const logger = new Logger('Database');
  const guarded = new WeakSet<EventEmitter>();
  const guard = (client: EventEmitter): void => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (error: { code?: string }) => logger.warn(`A database connection was lost (${error.code ?? 'no code'})`));
  };
  pool.on('connect', guard);
  pool.on('acquire', guard);
}

async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        // Only outside production: a newcomer needs nothing but a running PostgreSQL.
        if (!config.isProduction) await ensureDatabaseExists(config.databaseUrl);
        // Entities and migrations from SCHEMA_OPTIONS, not autoLoadEntities: foreign keys name tables that no module
        // registers, and an entity missing from the list should fail at boot rather than escape the schema test.
        return {
        ...SCHEMA_OPTIONS,
        url: config.databaseUrl,
        synchronize: false,
        extra: { max: 20 },
        };
      },
      dataSourceFactory: async (options?: DataSourceOptions) => {
        if (!options) throw new Error('Database options missing');
        const dataSource = await new DataSource(options).initialize();
        guardPooledConnections(dataSource);
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
