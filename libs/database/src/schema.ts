import type { DataSourceOptions } from 'typeorm';
import { AuditEntry, AuditSeal } from '#libs/audit';
import { Case, CaseEvent, CaseNote, Handoff, ManualDecision } from '#libs/cases';
import { Intake } from '#libs/intake';
import { OutboxEntry } from '#libs/queue';
import { GemeenteRecord, Pc4Record, RegionConfig, RegionRecord } from '#libs/regions';
import { ReportCase, ReportDirtyCase, ReportHandoff } from '#libs/reports';
import { CaseWorker } from '#libs/staff';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Every entity, one per table the migrations create. Foreign keys name their tables as strings, so every table they
 * point at must be in this list.
 */
export const ENTITIES = [
  RegionRecord,
  GemeenteRecord,
  Pc4Record,
  RegionConfig,
  CaseWorker,
  Intake,
  OutboxEntry,
  Case,
  CaseEvent,
  CaseNote,
  Handoff,
  ManualDecision,
  AuditEntry,
  AuditSeal,
  ReportCase,
  ReportHandoff,
  ReportDirtyCase,
];

/**
 * What every data source on this schema shares: the app's, the TypeORM CLI's and the schema test's
 * (test/schema.e2e-spec.ts), so the schema they compare is the schema the app runs on.
 */
export const SCHEMA_OPTIONS = {
  type: 'postgres',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTransactionMode: 'each',
  // The migrations create every schema object: TypeORM installs no extension, and generated uuid columns default to
  // gen_random_uuid() (built into PostgreSQL 13+), as the migrations' do, not to uuid-ossp's uuid_generate_v4().
  installExtensions: false,
  uuidExtension: 'pgcrypto',
} as const satisfies Partial<Extract<DataSourceOptions, { type: 'postgres' }>>;
