import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Level, Route, Team } from '#libs/classification';

/**
 * A person's classification, stored next to the automatic one: a triage decision (applied at once) or a case
 * worker's reclassification proposal (sent to triage). Counting these per rule shows where the beleidstheorie
 * needs work.
 */
export type ManualDecisionKind = 'triage_decision' | 'proposal';

@Entity('manual_decision')
@Index('manual_decision_intake', ['intakeId', 'createdAt'])
export class ManualDecision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'manual_decision_pkey' })
  id!: string;

  @ForeignKey('intake', { name: 'manual_decision_intake_id_fkey' })
  @Column('uuid', { name: 'intake_id' })
  intakeId!: string;

  @ForeignKey('case', { name: 'manual_decision_case_id_fkey' })
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ForeignKey('case_worker', { name: 'manual_decision_actor_id_fkey' })
  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  kind!: ManualDecisionKind;

  @Column('text')
  level!: Level;

  @Column('text')
  route!: Route;

  @Column('text', { name: 'secondary_routes', array: true, default: () => "'{}'" })
  secondaryRoutes!: Team[];

  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'automatic_level' })
  automaticLevel!: Level;

  @Column('text', { name: 'automatic_route' })
  automaticRoute!: Route;

  @Column('text', { name: 'fired_rules', array: true })
  firedRules!: string[];

  @Column('text', { name: 'ruleset_version' })
  rulesetVersion!: string;

  /** The person chose another level or route than the rules did. */
  @Column('boolean')
  overrules!: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
