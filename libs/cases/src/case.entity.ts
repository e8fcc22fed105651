import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Level, Team } from '#libs/classification';
import type { CaseResult, CaseStatus } from './case-lifecycle.js';

/** How a case came to be: by routing an intake, or as a follow-up on a secondary route. */
export type CaseOrigin = 'routing' | 'follow_up';

@Entity('case')
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable case number, e.g. WL-2026-000042 (set by the database). */
  @Column({ type: 'text', insert: false, update: false })
  reference!: string;

  @Column('uuid', { name: 'intake_id' })
  intakeId!: string;

  @Column('text')
  origin!: CaseOrigin;

  /** null: the national worklist (no region known yet). */
  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text')
  team!: Team;

  @Column('text')
  level!: Level;

  @Column('text')
  status!: CaseStatus;

  @Column('text', { nullable: true })
  result!: CaseResult | null;

  @Column('uuid', { name: 'assigned_to', nullable: true })
  assignedTo!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
