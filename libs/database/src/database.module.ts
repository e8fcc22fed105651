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

/**
 * Runs the migrations as the owner. When the service connects as a role of its own, the owner then grants that
 * role what the service needs, on every table as the migrations left them: read and write, except the audit log
 * and its seals, which it may only read and add to (no UPDATE, DELETE or TRUNCATE, and as a non-owner it cannot
 * disable their triggers either), and the migrations' own bookkeeping, which it may only read.
 */
async function migrate(ownerUrl: string, serviceUrl: string): Promise<void> {
  const owner = await new DataSource({ ...SCHEMA_OPTIONS, url: ownerUrl, extra: { max: 1 } }).initialize();
  try {
    await owner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await owner.runMigrations({ transaction: 'each' });
      const serviceRole = decodeURIComponent(new URL(serviceUrl).username);
      const [{ current_user: ownerRole }] = await owner.query<{ current_user: string }[]>('SELECT current_user');
      if (serviceRole !== '' && serviceRole !== ownerRole) await grantServiceRole(owner, serviceRole);
    } finally {
      await owner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await owner.destroy();
  }
}

async function grantServiceRole(owner: DataSource, role: string): Promise<void> {
  const quoted = `"${role.replace(/"/g, '""')}"`;
  await owner.query(`
    GRANT USAGE ON SCHEMA public TO ${quoted};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoted};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${quoted};
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_seal FROM ${quoted};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${quoted};
  `);
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        // Only outside production: a newcomer needs nothing but a running PostgreSQL.
        if (!config.isProduction) await ensureDatabaseExists(config.ownerDatabaseUrl);
        await migrate(config.ownerDatabaseUrl, config.databaseUrl);
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
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
