import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '#libs/config';
import { ensureDatabaseExists } from './ensure-database.js';
import { MIGRATIONS } from './migrations/index.js';

/** Any fixed number: serialises migration runs when api and worker processes start at the same time. */
const MIGRATION_LOCK = 72_310_522;

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
        return {
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrations: MIGRATIONS,
        extra: { max: 20 },
        };
      },
      dataSourceFactory: async (options?: DataSourceOptions) => {
        if (!options) throw new Error('Database options missing');
        const dataSource = await new DataSource(options).initialize();
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
