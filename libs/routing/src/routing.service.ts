import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_RULESET, classify, referenceMonthOf, rulesetOf } from '#libs/classification';
import { routingConfigOf } from '#libs/regions';
import { CasesService } from '#libs/cases';
import { factsOf, Intake } from '#libs/intake';
import { RegionsService } from '#libs/regions';
import { worklistFor } from './worklist-for.js';

export type RoutingOutcome = 'routed' | 'referral_only' | 'already_routed';

/** Classifies an accepted intake and opens its case on the right worklist. Safe to run twice. */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly regions: RegionsService,
  ) {}

  async routeIntake(intakeId: string): Promise<RoutingOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock serialises concurrent runs of the same job; the second one finds the work done.
      const intake = await manager
        .createQueryBuilder(Intake, 'i')
        .where('i.id = :intakeId', { intakeId })
        .setLock('pessimistic_write')
        .getOne();
      if (!intake) throw new Error(`Intake ${intakeId} does not exist`);
      if (intake.classification) return 'already_routed';

      // One read of the region's settings serves the classifier (base route) and the case's SLA clocks.
      const settings = await this.regions.settings(intake.regionCode);
      const classification = classify(factsOf(intake), {
        referenceMonth: referenceMonthOf(intake.receivedAt),
        routing: routingConfigOf(settings),
        ruleset: rulesetOf(settings.rulesetVersion ?? DEFAULT_RULESET.version) ?? DEFAULT_RULESET,
      });
      await manager.update(Intake, intake.id, { classification, classifiedAt: new Date() });
      const worklist = worklistFor(classification, intake.regionCode);
      if (worklist === null) return 'referral_only';
      await this.cases.openRoutedCase(manager, {
        intakeId: intake.id,
        regionCode: worklist.regionCode,
        team: worklist.team,
        level: classification.level,
        data: { route: classification.route, rules: classification.firedRules, rulesetVersion: classification.rulesetVersion },
        markers: {
          urgent: classification.urgent,
          consentToConfirm: classification.consentToConfirm,
          contradiction: classification.contradiction,
        },
      }, intake.receivedAt, settings);
      this.logger.log(`Intake ${intake.id} routed to ${worklist.regionCode ?? 'national'}/${worklist.team} (${classification.firedRules.join(',')})`);
      return 'routed';
    });
  }

  /**
   * Routes intakes that should have been routed long ago: their job failed for good or was lost with Redis.
   * Routing is idempotent, so an intake whose job is merely slow is safe to route here too.
   */
  async routeStragglers(olderThanMs: number, limit = 100): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM intake WHERE classification IS NULL AND received_at < now() - ($1 || ' milliseconds')::interval ORDER BY received_at LIMIT $2`,
      [String(olderThanMs), limit],
    );
    let routed = 0;
    for (const { id } of rows) {
      try {
        if ((await this.routeIntake(id)) === 'routed') routed += 1;
      } catch (error) {
        this.logger.error(`Intake ${id} could not be routed: ${(error as Error).name}`);
      }
    }
    if (routed > 0) this.logger.warn(`Routed ${routed} intake(s) whose routing job had not run`);
    return routed;
  }
}
