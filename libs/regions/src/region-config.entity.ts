import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { HealthConsentMode, Team } from '#libs/classification';
import type { SlaSettings } from './region-settings.js';

/** What a region decides for itself, without code changes. Managed by admins through the API. */
@Entity('region_config')
@Check('region_config_health_consent_check', "health_consent IN ('own_words', 'strict')")
export class RegionConfig {
  @ForeignKey('region', { name: 'region_config_region_code_fkey' })
  @PrimaryColumn('text', { name: 'region_code', primaryKeyConstraintName: 'region_config_pkey' })
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

  /** The ruleset that classifies this region's questions; null = the service's default. */
  @Column('text', { name: 'ruleset_version', nullable: true })
  rulesetVersion!: string | null;

  /** How health information in the person's own words is read; null = the ruleset's default (own words). */
  @Column('text', { name: 'health_consent', nullable: true })
  healthConsent!: HealthConsentMode | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @ForeignKey('case_worker', { name: 'region_config_updated_by_fkey' })
  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;
}
