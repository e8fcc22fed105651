import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Team } from '#libs/classification';
import type { StaffRole } from './access-policy.js';

/** A person who works worklists (or leads, administers or analyses them). */
@Entity('case_worker')
@Unique('case_worker_username_key', ['username'])
export class CaseWorker {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_worker_pkey' })
  id!: string;

  @Column('text')
  username!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: StaffRole;

  @Column('text', { name: 'region_codes', array: true, default: () => "'{}'" })
  regionCodes!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  teams!: Team[];

  @Column('boolean', { default: true })
  active!: boolean;

  /** Most open cases automatic assignment gives this person; null = no limit. */
  @Column('integer', { name: 'max_open_cases', nullable: true })
  maxOpenCases!: number | null;

  /** Off while on leave or out of office: automatic assignment passes them by. */
  @Column('boolean', { default: true })
  available!: boolean;

  /** Raised by a password change, deactivation, role or scope change and logout: older tokens stop working. */
  @Column('integer', { name: 'token_version', default: 0 })
  tokenVersion!: number;

  @Column('timestamptz', { name: 'last_assigned_at', nullable: true })
  lastAssignedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
