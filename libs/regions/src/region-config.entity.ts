import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Team } from '#libs/classification';
import type { SlaSettings } from './region-settings.js';

/** What a region decides for itself, without code changes. Managed by admins through the API. */
@Entity('region_config')
export class RegionConfig {
  @PrimaryColumn('text', { name: 'region_code' })
  regionCode!: string;

  /** The team for individuals at level base; null = the rule set's default (mobiliteitsteam). */
  @Column('text', { name: 'base_route', nullable: true })
  baseRoute!: Team | null;

  @Column('jsonb', { nullable: true })
  sla!: SlaSettings | null;

  @Column('text', { name: 'auto_assign_teams', array: true, default: () => "'{}'" })
  autoAssignTeams!: Team[];

  @Column('integer', { name: 'handoff_response_hours', nullable: true })
  handoffResponseHours!: number | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;
}
