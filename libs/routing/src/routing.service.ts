import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { classify, referenceMonthOf } from '#libs/classification';
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

      const classification = classify(factsOf(intake), {
        referenceMonth: referenceMonthOf(intake.receivedAt),
        routing: await this.regions.routingConfig(intake.regionCode),
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
      });
      this.logger.log(`Intake ${intake.id} routed to ${worklist.regionCode ?? 'national'}/${worklist.team} (${classification.firedRules.join(',')})`);
      return 'routed';
    });
  }
}
