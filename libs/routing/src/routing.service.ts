import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_RULESET, classify, referenceMonthOf, rulesetOf, type ClassificationResult } from '#libs/classification';
import { countClassification } from '#libs/observability';
import { routingConfigOf } from '#libs/regions';
import { CasesService, type RoutedCase } from '#libs/cases';
import { factsOf, Intake } from '#libs/intake';
import { RegionsService } from '#libs/regions';
import { worklistFor } from './worklist-for.js';

export type RoutingOutcome = 'routed' | 'referral_only' | 'already_routed';

export interface StragglerReport {
  routed: number;
  /** Attempts that failed this sweep. */
  failed: number;
  /** Intakes marked routing_failed this sweep. */
  givenUp: number;
}

export interface RoutingFailure {
  intakeId: string;
  receivedAt: Date;
  regionCode: string | null;
  attempts: number;
  error: string | null;
  failedAt: Date;
}

/** A classification stored in a transaction: counted in the metrics once that transaction has committed. */
interface Classified {
  intakeId: string;
  result: ClassificationResult;
  regionCode: string | null;
}

/** Stores the intakes' classifications in one statement: one round trip per batch instead of one per intake. */
async function markClassified(manager: EntityManager, classified: readonly Classified[]): Promise<void> {
  if (classified.length === 0) return;
  await manager.query(
    `UPDATE intake SET classification = c.result, classified_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, result jsonb) WHERE intake.id = c.id`,
    [JSON.stringify(classified.map(({ intakeId, result }) => ({ id: intakeId, result })))],
  );
}

function countClassified(classified: readonly Classified[]): void {
  for (const { result, regionCode } of classified) countClassification(result, regionCode);
}

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
    const classified: Classified[] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<RoutingOutcome> => {
      // The row lock serialises concurrent runs of the same job; the second one finds the work done.
      const intake = await manager
        .createQueryBuilder(Intake, 'i')
        .where('i.id = :intakeId', { intakeId })
        .setLock('pessimistic_write')
        .getOne();
      if (!intake) throw new Error(`Intake ${intakeId} does not exist`);
      if (intake.classification) return 'already_routed';
      return (await this.route(manager, [intake], classified)) === 1 ? 'routed' : 'referral_only';
    });
    countClassified(classified);
    return outcome;
  }

  /**
   * Routes a batch of intakes in one transaction: one lock query, one read of each region's settings, one statement
   * that opens all their cases and one that stores their classifications. Intakes another process is routing right
   * now are skipped (it routes them); routed ones are done already. When the batch fails as a whole (one intake's
   * routing throws), each intake is routed on its own, so one bad intake holds up none of the others; the failures
   * are thrown again for the job to retry.
   */
  async routeIntakes(intakeIds: readonly string[]): Promise<number> {
    try {
      const classified: Classified[] = [];
      const routedInBatch = await this.dataSource.transaction(async (manager) => {
        const intakes = await manager
          .createQueryBuilder(Intake, 'i')
          .where('i.id IN (:...intakeIds)', { intakeIds })
          .andWhere('i.classification IS NULL')
          .orderBy('i.id')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        return this.route(manager, intakes, classified);
      });
      countClassified(classified);
      return routedInBatch;
    } catch (batchError) {
      if (intakeIds.length === 1) throw batchError;
      let routed = 0;
      const failures: string[] = [];
      for (const id of intakeIds) {
        try {
          if ((await this.routeIntake(id)) === 'routed') routed += 1;
        } catch (error) {
          failures.push(`${id}: ${(error as Error).message}`);
        }
      }
      if (failures.length > 0) throw new Error(`${failures.length} of ${intakeIds.length} intakes could not be routed (${failures[0]})`, { cause: batchError });
      return routed;
    }
  }

  /**
   * Classifies locked, unclassified intakes, opens their cases and stores their classifications (inside the caller's
   * transaction). Returns how many got a case; the others are referrals only.
   */
  private async route(manager: EntityManager, intakes: readonly Intake[], classified: Classified[]): Promise<number> {
    if (intakes.length === 0) return 0;
    // One read of a region's settings serves the classifier (base route) and the cases' SLA clocks.
    const settings = await this.regions.settingsOf(intakes.map((intake) => intake.regionCode));
    const routedCases: RoutedCase[] = [];
    for (const intake of intakes) {
      const regionSettings = settings.get(intake.regionCode)!;
      const classification = classify(factsOf(intake), {
        referenceMonth: referenceMonthOf(intake.receivedAt),
        routing: routingConfigOf(regionSettings),
        ruleset: rulesetOf(regionSettings.rulesetVersion ?? DEFAULT_RULESET.version) ?? DEFAULT_RULESET,
      });
      classified.push({ intakeId: intake.id, result: classification, regionCode: intake.regionCode });
      const worklist = worklistFor(classification, intake.regionCode);
      if (worklist === null) continue;
      routedCases.push({
        input: {
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
        },
        clockStart: intake.receivedAt,
        settings: regionSettings,
      });
      // Debug: a line per intake would cost a write per routing at volume; failures are warnings.
      this.logger.debug(`Intake ${intake.id} routed to ${worklist.regionCode ?? 'national'}/${worklist.team} (${classification.firedRules.join(',')})`);
    }
    await this.cases.openRoutedCases(manager, routedCases);
    await markClassified(manager, classified);
    return routedCases.length;
  }

  /**
   * Routes intakes that should have been routed long ago: their job failed for good or was lost with Redis.
   * Routing is idempotent, so an intake whose job is merely slow is safe to route here too. Works through the
   * backlog in batches until it is empty (or the time budget is spent); an intake that fails waits before its next
   * attempt (exponential backoff, kept in PostgreSQL) and is marked routing_failed after `maxAttempts`, so a few
   * broken intakes never block the healthy ones behind them.
   */
  async routeStragglers(olderThanMs: number, options: { maxAttempts: number; budgetMs?: number; batch?: number }): Promise<StragglerReport> {
    const report: StragglerReport = { routed: 0, failed: 0, givenUp: 0 };
    const batch = options.batch ?? 200;
    const until = Date.now() + (options.budgetMs ?? 45_000);
    while (Date.now() < until) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM intake
         WHERE classification IS NULL AND routing_failed_at IS NULL
           AND received_at < now() - ($1 || ' milliseconds')::interval
           AND (routing_retry_at IS NULL OR routing_retry_at <= now())
         ORDER BY received_at LIMIT $2`,
        [String(olderThanMs), batch],
      );
      for (const { id } of rows) {
        try {
          if ((await this.routeIntake(id)) === 'routed') report.routed += 1;
        } catch (error) {
          const givenUp = await this.recordFailure(id, error, options.maxAttempts);
          report.failed += 1;
          if (givenUp) report.givenUp += 1;
        }
      }
      if (rows.length < batch) break;
    }
    if (report.routed > 0) this.logger.warn(`Routed ${report.routed} intake(s) whose routing job had not run`);
    if (report.givenUp > 0) this.logger.error(`Gave up routing ${report.givenUp} intake(s): routing_failed, see /api/v1/admin/routing-failures`);
    return report;
  }

  /** Counts a failed attempt; after the last allowed one the intake is routing_failed. Returns whether it gave up. */
  private async recordFailure(intakeId: string, error: unknown, maxAttempts: number): Promise<boolean> {
    // The error's kind and a short message, never request data: driver messages can quote values.
    const kind = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0].slice(0, 200)}` : 'Error';
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]] = await this.dataSource.query<[{ routing_attempts: number; routing_failed_at: Date | null }[], number]>(
      `UPDATE intake SET routing_attempts = routing_attempts + 1, routing_error = $2,
              routing_retry_at = now() + (LEAST(power(2, routing_attempts), 60) || ' minutes')::interval,
              routing_failed_at = CASE WHEN routing_attempts + 1 >= $3 THEN now() ELSE NULL END
       WHERE id = $1 RETURNING routing_attempts, routing_failed_at`,
      [intakeId, kind, maxAttempts],
    );
    this.logger.error(`Intake ${intakeId} could not be routed (attempt ${row?.routing_attempts ?? '?'}): ${error instanceof Error ? error.name : 'Error'}`);
    return row?.routing_failed_at != null;
  }

  /** What readiness reports: the age of the oldest intake still waiting to be routed, and the routing failures. */
  async backlog(): Promise<{ oldestSeconds: number | null; failures: number }> {
    const [row] = await this.dataSource.query<{ oldest: string | null; failures: number }[]>(
      `SELECT (SELECT extract(epoch FROM now() - min(received_at)) FROM intake WHERE classification IS NULL AND routing_failed_at IS NULL) AS oldest,
              (SELECT count(*)::int FROM intake WHERE classification IS NULL AND routing_failed_at IS NOT NULL) AS failures`,
    );
    return { oldestSeconds: row.oldest === null ? null : Number(row.oldest), failures: row.failures };
  }

  /** Intakes given up as routing_failed (admins look at them, then retry). */
  async failures(): Promise<RoutingFailure[]> {
    const rows = await this.dataSource.query<{ id: string; received_at: Date; region_code: string | null; routing_attempts: number; routing_error: string | null; routing_failed_at: Date }[]>(
      `SELECT id, received_at, region_code, routing_attempts, routing_error, routing_failed_at FROM intake
       WHERE routing_failed_at IS NOT NULL AND classification IS NULL ORDER BY routing_failed_at`,
    );
    return rows.map((r) => ({ intakeId: r.id, receivedAt: r.received_at, regionCode: r.region_code, attempts: r.routing_attempts, error: r.routing_error, failedAt: r.routing_failed_at }));
  }

  /**
   * Tries failed intakes again now (one, or all when `intakeIds` is empty): the attempts start over, and what still
   * fails waits for the sweep's backoff again.
   */
  async retryFailures(intakeIds: readonly string[]): Promise<{ routed: number; stillFailing: number }> {
    const [ids] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE intake SET routing_failed_at = NULL, routing_retry_at = NULL, routing_attempts = 0
       WHERE routing_failed_at IS NOT NULL AND classification IS NULL AND (cardinality($1::uuid[]) = 0 OR id = ANY($1))
       RETURNING id`,
      [intakeIds],
    );
    let routed = 0;
    let stillFailing = 0;
    for (const { id } of ids) {
      try {
        if ((await this.routeIntake(id)) === 'routed') routed += 1;
      } catch (error) {
        // Retried by hand and failed again: back on the admin's list at once.
        await this.recordFailure(id, error, 1);
        stillFailing += 1;
      }
    }
    return { routed, stillFailing };
  }
}
