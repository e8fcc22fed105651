import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '#libs/audit';
import { CaseTimersService } from './case-timers.service.js';
import { CaseWriter } from './case-writer.js';
import { Case } from './case.entity.js';

/**
 * Periodic sweeps that do not depend on delayed jobs surviving in Redis: escalate passed deadlines and unanswered
 * hand-offs that no job escalated, and remove personal data from intakes whose cases closed long enough ago.
 */
@Injectable()
export class CaseSweepsService {
  private readonly logger = new Logger(CaseSweepsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: CaseTimersService,
    private readonly writer: CaseWriter,
    private readonly audit: AuditService,
  ) {}

  /** Escalates open cases past a deadline that were not escalated yet (the delayed job may have been lost). */
  async escalateMissedDeadlines(now: Date, limit = 200): Promise<number> {
    const rows = await this.dataSource.query<{ id: string; clock: 'first_contact' | 'close'; due: Date; started: Date }[]>(
      `SELECT c.id, CASE WHEN first_contact_at IS NULL AND first_contact_due_at < $1 THEN 'first_contact' ELSE 'close' END AS clock,
              CASE WHEN first_contact_at IS NULL AND first_contact_due_at < $1 THEN first_contact_due_at ELSE close_due_at END AS due,
              clock_started_at AS started
       FROM "case" c
       WHERE status <> 'closed' AND paused_at IS NULL
         AND ((first_contact_at IS NULL AND first_contact_due_at < $1) OR close_due_at < $1)
         AND NOT EXISTS (
           SELECT 1 FROM case_event e
           WHERE e.case_id = c.id AND e.type = 'sla_escalated' AND e.at >= c.clock_started_at
             AND e.data->>'clock' = CASE WHEN c.first_contact_at IS NULL AND c.first_contact_due_at < $1 THEN 'first_contact' ELSE 'close' END)
       ORDER BY next_due_at LIMIT $2`,
      [now, limit],
    );
    let escalated = 0;
    for (const row of rows) {
      const job = { caseId: row.id, clock: row.clock, kind: 'breach' as const, dueAt: row.due.toISOString(), scheduledAt: row.started.toISOString() };
      if ((await this.timers.slaCheck(job, now)) === 'escalated') escalated += 1;
    }
    if (escalated > 0) this.logger.warn(`Escalated ${escalated} case(s) whose deadline job had not run`);
    return escalated;
  }

  /** Dispatched outbox rows are history once BullMQ has the job; a week is plenty for investigating. */
  async pruneOutbox(now: Date): Promise<number> {
    // A DELETE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await this.dataSource.query<[unknown[], number]>(`DELETE FROM outbox WHERE dispatched_at < $1::timestamptz - interval '7 days' RETURNING id`, [now]);
    return rows.length;
  }

  async markMissedHandoffs(now: Date, limit = 200): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM handoff WHERE status = 'pending' AND overdue_at IS NULL AND respond_by < $1 ORDER BY respond_by LIMIT $2`,
      [now, limit],
    );
    let marked = 0;
    for (const { id } of rows) {
      if ((await this.timers.handoffDeadline({ handoffId: id }, now)) === 'overdue') marked += 1;
    }
    return marked;
  }

  /**
   * Keeps personal data only as long as the case needs it: once every case of an intake has been closed for
   * `retentionDays`, its contact details, free text, facts about the person and the free text of its case work
   * (notes, reasons) go. The classification stays for the statistics.
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
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      // Facts that reveal health or circumstances go with the contact details; the classification (levels, rules,
      // referrals) stays for the statistics.
      await manager.query(
        `UPDATE intake SET contact = NULL, question = '', person = NULL, employer = NULL, personal_data_removed_at = $2 WHERE id = ANY($1::uuid[])`,
        [ids, now],
      );
      const cases = await this.writer.lockAll(manager, manager.createQueryBuilder(Case, 'c').where('c.intake_id IN (:...ids)', { ids }));
      await this.writer.removePersonalText(manager, cases, retentionDays);
      await manager.query(`UPDATE manual_decision SET reason = '[verwijderd]' WHERE intake_id = ANY($1::uuid[])`, [ids]);
      for (const id of ids) {
        await this.audit.record({ actor: null, action: 'intake.personal_data_removed', details: { intakeId: id, retentionDays } }, manager);
      }
      return ids.length;
    });
  }
}
