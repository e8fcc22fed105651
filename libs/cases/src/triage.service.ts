import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClassificationResult, Level, Route, Team } from '#libs/classification';
import { Intake } from '#libs/intake';
import type { Actor } from '#libs/staff';
import type { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { CasesService } from './cases.service.js';
import { overrulesAutomatic } from './effective-classification.js';
import { ManualDecision, type ManualDecisionKind } from './manual-decision.entity.js';

export interface HandClassification {
  level: Level;
  /** A team, or "none" when the question is out of scope (the case closes as referred). */
  route: Exclude<Route, 'triage'>;
  secondaryRoutes?: Team[];
  /** Required when the case has no region yet (national triage). */
  regionCode?: string;
  reason: string;
}

export interface ReclassificationProposal {
  level: Level;
  route: Exclude<Route, 'triage'>;
  reason: string;
}

/** The gidsfunctie: people classify what the rules could not, and correct what the rules got wrong. */
@Injectable()
export class TriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** A triage case worker decides level and route; the case moves to that team's worklist at once. */
  async classifyByHand(actor: Actor, caseId: string, input: HandClassification): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.cases.lockVisible(manager, actor, caseId);
      if (current.team !== 'triage') {
        throw new CaseError('invalid_transition', 'Only cases on a triage worklist are classified by hand; propose a reclassification instead.');
      }
      this.cases.assertMayAct(actor, current);
      if (input.regionCode !== undefined && current.regionCode !== null && input.regionCode !== current.regionCode) {
        // Triage sets a region only where none is known; moving to another region is a hand-off that region accepts.
        throw new CaseError('invalid_transfer', 'This case already has a region; hand it off to another region with a transfer.', 'regionCode');
      }
      const automatic = await this.automaticOf(manager, current);
      const regionCode = input.regionCode ?? current.regionCode;
      let moved: Case;
      if (input.route === 'none') {
        moved = await this.cases.closeWith(manager, actor, current, 'referred', input.reason, { level: input.level, route: 'none' });
      } else {
        const to = { regionCode, team: input.route };
        this.cases.assertCanMove(current, to);
        moved = await this.cases.moveTo(manager, actor, current, to, {
          type: 'classified_by_hand',
          note: input.reason,
          level: input.level,
          data: { level: input.level, route: input.route },
        });
      }
      await this.record(manager, actor, current, automatic, 'triage_decision', { ...input, regionCode });
      return moved;
    });
  }

  /** Any case worker who holds a case can say the rules got it wrong: the case goes to triage with the proposal. */
  async proposeReclassification(actor: Actor, caseId: string, input: ReclassificationProposal): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.cases.lockVisible(manager, actor, caseId);
      if (current.team === 'triage') {
        throw new CaseError('invalid_transition', 'This case is on a triage worklist: classify it by hand instead.');
      }
      this.cases.assertMayAct(actor, current);
      const automatic = await this.automaticOf(manager, current);
      if (input.level === current.level && input.route === current.team) {
        throw new CaseError('invalid_transfer', 'The proposal is the classification the case already has.', 'route');
      }
      const to = { regionCode: current.regionCode, team: 'triage' as const };
      this.cases.assertCanMove(current, to);
      const moved = await this.cases.moveTo(manager, actor, current, to, {
        type: 'reclassification_proposed',
        note: input.reason,
        data: { proposed: { level: input.level, route: input.route } },
      });
      await this.record(manager, actor, current, automatic, 'proposal', { ...input, regionCode: current.regionCode });
      return moved;
    });
  }

  private async automaticOf(manager: EntityManager, current: Case): Promise<ClassificationResult> {
    const intake = await manager.findOneByOrFail(Intake, { id: current.intakeId });
    if (!intake.classification) throw new CaseError('invalid_transition', 'This case has not been classified automatically yet.');
    return intake.classification;
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    current: Case,
    automatic: ClassificationResult,
    kind: ManualDecisionKind,
    input: { level: Level; route: Route; secondaryRoutes?: Team[]; regionCode: string | null; reason: string },
  ): Promise<void> {
    await manager.insert(ManualDecision, {
      intakeId: current.intakeId,
      caseId: current.id,
      actorId: actor.id,
      kind,
      level: input.level,
      route: input.route,
      secondaryRoutes: input.secondaryRoutes ?? [],
      regionCode: input.regionCode,
      reason: input.reason,
      automaticLevel: automatic.level,
      automaticRoute: automatic.route,
      firedRules: automatic.firedRules,
      rulesetVersion: automatic.rulesetVersion,
      overrules: overrulesAutomatic(automatic, input),
    });
  }
}
