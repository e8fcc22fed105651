import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '#libs/audit';
import { Intake } from '#libs/intake';
import { CaseClocksService } from './case-clocks.service.js';
import { HandoffsService } from './handoffs.service.js';

/**
 * Periodic sweeps that do not depend on delayed jobs surviving in Redis: escalate passed deadlines and unanswered
 * hand-offs that no job escalated, and remove personal data from intakes whose cases closed long enough ago.
 */
@Injectable()
export class CaseSweepsService {
  private readonly logger = new Logger(CaseSweepsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: CaseClocksService,
    private readonly handoffs: HandoffsService,
    private readonly audit: AuditService,
  ) {}

  /** Escalates open cases past a deadline that were not escalated yet (the delayed job may have been lost). */
  async escalateMissedDeadlines(now: Date, limit = 200): Promise<number> {
    const rows = await this.dataSource.query<{ id: string; clock: 'first_contact' | 'close'; due: Date; started: Date }[]>(
      `SELECT id, CASE WHEN first_contact_at IS NULL AND first_contact_due_at < $1 THEN 'first_contact' ELSE 'close' END AS clock,
              CASE WHEN first_contact_at IS NULL AND first_contact_due_at < $1 THEN first_contact_due_at ELSE close_due_at END AS due,
              clock_started_at AS started
       FROM "case"
       WHERE status <> 'closed' AND paused_at IS NULL AND escalated_at IS NULL
         AND ((first_contact_at IS NULL AND first_contact_due_at < $1) OR close_due_at < $1)
       ORDER BY next_due_at LIMIT $2`,
      [now, limit],
    );
    let escalated = 0;
    for (const row of rows) {
      const job = { caseId: row.id, clock: row.clock, kind: 'breach' as const, dueAt: row.due.toISOString(), startedAt: row.started.toISOString() };
      if ((await this.dataSource.transaction((manager) => this.clocks.checkDeadline(manager, job, now))) === 'escalated') escalated += 1;
    }
    if (escalated > 0) this.logger.warn(`Escalated ${escalated} case(s) whose deadline job had not run`);
    return escalated;
  }

  async markMissedHandoffs(now: Date, limit = 200): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM handoff WHERE status = 'pending' AND overdue_at IS NULL AND respond_by < $1 ORDER BY respond_by LIMIT $2`,
      [now, limit],
    );
    let marked = 0;
    for (const { id } of rows) {
      if ((await this.dataSource.transaction((manager) => this.handoffs.markOverdue(manager, id, now))) === 'overdue') marked += 1;
    }
    return marked;
  }

  /**
   * Keeps personal data only as long as the case needs it: once every case of an intake has been closed for
   * `retentionDays`, its contact details and free text go. Classification and facts stay for the statistics.
   */
  async removeExpiredPersonalData(now: Date, retentionDays: number, limit = 500): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT i.id FROM intake i
         WHERE i.personal_data_removed_at IS NULL AND i.classification IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "case" c WHERE c.intake_id = i.id AND (c.status <> 'closed' OR c.closed_at > $1::timestamptz - ($2 || ' days')::interval))
           AND (EXISTS (SELECT 1 FROM "case" c WHERE c.intake_id = i.id) OR i.classified_at < $1::timestamptz - ($2 || ' days')::interval)
         ORDER BY i.received_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now, String(retentionDays), limit],
      );
      for (const { id } of rows) {
        await manager.update(Intake, id, { contact: null, question: '', personalDataRemovedAt: now });
        await this.audit.record({ actor: null, action: 'intake.personal_data_removed', details: { intakeId: id, retentionDays } }, manager);
      }
      return rows.length;
    });
  }
}
