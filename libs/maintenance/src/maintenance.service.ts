import { Injectable } from '@nestjs/common';
import { CaseSweepsService } from '#libs/cases';
import { AppConfig } from '#libs/config';
import { RoutingService } from '#libs/routing';

export interface SweepReport {
  routed: number;
  escalated: number;
  overdueHandoffs: number;
  personalDataRemoved: number;
}

/** An intake waits this long for its routing job before the sweep routes it itself. */
const STRAGGLER_AFTER_MS = 2 * 60 * 1000;

/**
 * The once-a-minute safety net: whatever a failed or lost job should have done (routing, escalations), the sweep
 * does from the database; and it enforces the retention of personal data.
 */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly config: AppConfig,
    private readonly routing: RoutingService,
    private readonly sweeps: CaseSweepsService,
  ) {}

  async sweep(now = new Date()): Promise<SweepReport> {
    return {
      routed: await this.routing.routeStragglers(STRAGGLER_AFTER_MS),
      escalated: await this.sweeps.escalateMissedDeadlines(now),
      overdueHandoffs: await this.sweeps.markMissedHandoffs(now),
      personalDataRemoved: await this.sweeps.removeExpiredPersonalData(now, this.config.retentionDays),
    };
  }
}
