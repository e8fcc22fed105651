import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabaseExists, MIGRATIONS, SCHEMA_OPTIONS } from '#libs/database';
import { POSTGRES_URL } from './support/test-app.js';

/** The TypeORM schema the entities are built into for comparison, next to the migrated public schema. */
const ENTITY_SCHEMA = 'entities_only';

/**
 * The objects the entities cannot declare: TypeORM has no descending index columns. The entity names them with
 * synchronize: false (TypeORM leaves them alone), and these are their definitions as migrations 1764288001300 and
 * 1764288001100 create them.
 */
const UNDECLARABLE_INDEXES: Record<string, string> = {
  case_open_worklist:
    `CREATE INDEX case_open_worklist ON "case" USING btree (region_code, team, urgent DESC, next_due_at, created_at, id) ` +
    `WHERE (status <> 'closed'::text)`,
  case_claimable:
    `CREATE INDEX case_claimable ON "case" USING btree (region_code, team, urgent DESC, next_due_at, created_at, id) ` +
    `WHERE (status = 'new'::text)`,
};

const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const url = `${POSTGRES_URL}/werkloket_test_schema_${randomBytes(4).toString('hex')}`;
  await ensureDatabaseExists(url);
  databases.push(url);
  return url;
}

async function open(url: string, options: { schema?: string; migrations?: typeof MIGRATIONS } = {}): Promise<DataSource> {
  return new DataSource({ ...SCHEMA_OPTIONS, url, ...options }).initialize();
}

/**
 * A schema as sorted lines: tables and columns (type, nullability, default), indexes and constraints as PostgreSQL
 * prints them, sequences, functions and triggers. The schema's own name is removed so that two schemas compare.
 * `tables` limits it to those tables (and leaves out sequences, functions and triggers).
 */
async function shapeOf(db: DataSource, schema: string, tables?: string[]): Promise<string[]> {
  const params = [schema, tables ?? null];
  const onlyTables = `($2::text[] IS NULL OR table_name = ANY($2)) AND table_name <> 'migrations'`;
  const rows = await db.query<{ line: string }[]>(
    `SELECT 'table ' || table_name AS line FROM information_schema.tables
       WHERE table_schema = $1 AND ${onlyTables}
     UNION ALL
     SELECT format('column %s.%s %s%s%s null=%s default=%s', table_name, column_name, udt_name,
              '(' || character_maximum_length || ')', '(' || numeric_precision || ',' || numeric_scale || ')',
              is_nullable, column_default)
       FROM information_schema.columns WHERE table_schema = $1 AND ${onlyTables}
     UNION ALL
     SELECT format('index %s.%s %s', tablename, indexname, indexdef) FROM pg_indexes
       WHERE schemaname = $1 AND ($2::text[] IS NULL OR tablename = ANY($2)) AND tablename <> 'migrations'
     UNION ALL
     SELECT format('constraint %s.%s %s', t.relname, c.conname, pg_get_constraintdef(c.oid))
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND ($2::text[] IS NULL OR t.relname = ANY($2)) AND t.relname <> 'migrations'
     UNION ALL
     SELECT 'sequence ' || sequence_name FROM information_schema.sequences
       WHERE sequence_schema = $1 AND $2::text[] IS NULL AND sequence_name <> 'migrations_id_seq'
     UNION ALL
     SELECT format('function %s(%s) %s', p.proname, pg_get_function_arguments(p.oid), md5(p.prosrc))
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND $2::text[] IS NULL
     UNION ALL
     SELECT format('trigger %s.%s %s', t.relname, g.tgname, pg_get_triggerdef(g.oid))
       FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND NOT g.tgisinternal AND $2::text[] IS NULL`,
    params,
  );
  return rows.map((row) => row.line.replaceAll(`${schema}.`, '')).sort();
}

/** What one shape has that the other lacks: a short failure message, where a diff of whole shapes is long. */
function difference(actual: string[], expected: string[]): { missing: string[]; unexpected: string[] } {
  return {
    missing: expected.filter((line) => !actual.includes(line)),
    unexpected: actual.filter((line) => !expected.includes(line)),
  };
}

function entityTables(db: DataSource): string[] {
  return db.entityMetadatas.map((metadata) => metadata.tableName).sort();
}

describe('schema: the entities declare exactly what the migrations create', () => {
  afterAll(async () => {
    for (const url of databases) await dropDatabase(url);
  });

  it('a freshly migrated database has no schema diff against the entities', async () => {
    const db = await open(await freshDatabase());
    try {
      await db.runMigrations({ transaction: 'each' });
      const log = await db.driver.createSchemaBuilder().log();
      // Each statement is something an entity says and the migrations did not create, or the other way round.
      // Fix the entity, or add a migration (npm run migration:generate -- libs/database/src/migrations/<name>).
      expect(log.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('the entities build the same tables, columns, indexes and constraints as the migrations', async () => {
    // TypeORM's diff compares indexes by name and columns only, checks and foreign keys by name: a wrong WHERE, column
    // order or check expression would pass it. So the entities are also built into a schema of their own, as
    // migration:generate would write them, and PostgreSQL's own definitions of both are compared.
    const url = await freshDatabase();
    const migrated = await open(url);
    let fromEntities: DataSource | undefined;
    try {
      await migrated.runMigrations({ transaction: 'each' });
      await migrated.query(`CREATE SCHEMA ${ENTITY_SCHEMA}`);
      fromEntities = await open(url, { schema: ENTITY_SCHEMA, migrations: [] });
      await fromEntities.synchronize();
      const tables = entityTables(migrated);

      const fromMigrations = await shapeOf(migrated, 'public', tables);
      const isUndeclarable = (line: string): boolean =>
        Object.keys(UNDECLARABLE_INDEXES).some((name) => line.startsWith(`index case.${name} `));
      expect(fromMigrations.filter(isUndeclarable)).toEqual(
        Object.entries(UNDECLARABLE_INDEXES).map(([name, definition]) => `index case.${name} ${definition}`).sort(),
      );
      // missing: the migrations create it, the entities do not declare it; unexpected: the other way round.
      const declared = await shapeOf(fromEntities, ENTITY_SCHEMA, tables);
      expect(difference(declared, fromMigrations.filter((line) => !isUndeclarable(line)))).toEqual({ missing: [], unexpected: [] });
      expect(declared.length).toBeGreaterThan(200); // not two empty shapes compared (e.g. a wrong schema name)
    } finally {
      await fromEntities?.destroy();
      await migrated.destroy();
    }
  });

  it('every migration reverts to the schema before it, and all of them run again after reverting to empty', async () => {
    const url = await freshDatabase();
    // The schema after 0, 1, ... all migrations, each step run by TypeORM as the app runs them.
    const shapes: string[][] = [];
    for (let count = 0; count <= MIGRATIONS.length; count++) {
      const step = await open(url, { migrations: MIGRATIONS.slice(0, count) });
      try {
        await step.runMigrations({ transaction: 'each' });
        shapes.push(await shapeOf(step, 'public'));
      } finally {
        await step.destroy();
      }
    }

    const db = await open(url);
    try {
      for (let count = MIGRATIONS.length; count > 0; count--) {
        await db.undoLastMigration({ transaction: 'each' });
        // Named, so that a failure says which migration's down() leaves something behind (unexpected) or drops or
        // fails to restore something (missing).
        const reverted = MIGRATIONS[count - 1].name;
        expect({ reverted, ...difference(await shapeOf(db, 'public'), shapes[count - 1]) }).toEqual({ reverted, missing: [], unexpected: [] });
      }
      expect(await db.query('SELECT name FROM migrations')).toEqual([]);

      // Up again from empty: the data migration's down() must have emptied its tables for this to succeed.
      await db.runMigrations({ transaction: 'each' });
      expect(difference(await shapeOf(db, 'public'), shapes[MIGRATIONS.length])).toEqual({ missing: [], unexpected: [] });
      const log = await db.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
