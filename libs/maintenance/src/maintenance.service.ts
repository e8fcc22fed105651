import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssignmentService, CaseSweepsService } from '#libs/cases';
import type { Team } from '#libs/classification';
import { AuditService } from '#libs/audit';
import { AppConfig } from '#libs/config';
import { ReportFactsService } from '#libs/reports';
import { RoutingService } from '#libs/routing';

export interface SweepReport {
  routed: number;
  routingFailed: number;
  routingGivenUp: number;
  escalated: number;
  overdueHandoffs: number;
  releasedOrphans: number;
  autoAssigned: number;
  personalDataRemoved: number;
  outboxPruned: number;
  auditSealed: number;
  /** Cases whose outcome-report rows were brought up to date. */
  reportRowsRefreshed: number;
}

/**
 * The once-a-minute safety net: whatever a failed or lost job should have done (routing, escalations), the sweep
 * does from the database; and it enforces the retention of personal data.
 */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
    private readonly sweeps: CaseSweepsService,
    private readonly assignment: AssignmentService,
    private readonly audit: AuditService,
    private readonly reportFacts: ReportFactsService,
  ) {}

  async sweep(now = new Date()): Promise<SweepReport> {
    const stragglers = await this.routing.routeStragglers(this.config.routingStragglerMs, { maxAttempts: this.config.routingMaxAttempts });
    return {
      routed: stragglers.routed,
      routingFailed: stragglers.failed,
      routingGivenUp: stragglers.givenUp,
      escalated: await this.sweeps.escalateMissedDeadlines(now),
      overdueHandoffs: await this.sweeps.markMissedHandoffs(now),
      releasedOrphans: await this.assignment.releaseOrphans(),
      autoAssigned: await this.assignWaitingCases(),
      personalDataRemoved: await this.sweeps.removeExpiredPersonalData(now, this.config.retentionDays),
      outboxPruned: await this.sweeps.pruneOutbox(now),
      auditSealed: await this.audit.seal(),
      reportRowsRefreshed: await this.reportFacts.refreshAll(),
    };
  }

  /**
   * Automatic assignment also runs here for every worklist that has it and has waiting cases: it picks up whoever
   * became available, got more capacity, or a worklist that just switched it on.
   */
  private async assignWaitingCases(): Promise<number> {
    const worklists = await this.dataSource.query<{ region_code: string; team: Team }[]>(
      `SELECT DISTINCT c.region_code, c.team FROM "case" c JOIN region_config r ON r.region_code = c.region_code
       WHERE c.status = 'new' AND c.team = ANY(r.auto_assign_teams)`,
    );
    let assigned = 0;
    for (const { region_code, team } of worklists) assigned += await this.assignment.autoAssign(region_code, team);
    return assigned;
  }
}
