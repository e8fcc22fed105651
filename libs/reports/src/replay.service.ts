import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { classify, referenceMonthOf, type ClassificationResult, type Ruleset } from '#libs/classification';
import { factsOf, Intake } from '#libs/intake';
import { RegionsService, routingConfigOf, type RegionSettings } from '#libs/regions';
import type { Actor } from '#libs/staff';
import { compareReplay, type ReplayComparison, type ReplayedIntake } from './replay.js';
import { reportScope, type ReportFilter } from './report-scope.js';

export interface ReplayReport extends ReplayComparison {
  scope: { regionCodes: string[] | 'all'; from: string | null; to: string | null };
  candidateVersion: string;
  /** Intakes whose free text was removed (retention): replayed on their structured answers only. */
  withoutText: number;
  /** More intakes matched than one replay reads: narrow the period. */
  truncated: boolean;
}

/** One replay reads at most this many intakes (a year of a large region). */
export const REPLAY_LIMIT = 50_000;
const BATCH = 1_000;

/**
 * Classifies stored intakes again with a candidate ruleset and reports what would change. Reads only: nothing is
 * stored, routed or logged per intake. Each intake is replayed with its own region's routing settings.
 */
@Injectable()
export class ReplayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async replay(actor: Actor, filter: ReportFilter, candidate: Ruleset): Promise<ReplayReport> {
    const regionCodes = reportScope(actor, filter.regionCode);
    const rows: ReplayedIntake[] = [];
    const settingsByRegion = new Map<string | null, RegionSettings>();
    let withoutText = 0;
    let lastId: string | null = null;
    for (;;) {
      const batch = await this.dataSource
        .createQueryBuilder(Intake, 'i')
        .where('i.classification IS NOT NULL')
        .andWhere(`(:regionCodes::text[] IS NULL OR i.region_code = ANY(:regionCodes))`, { regionCodes })
        .andWhere('(:from::timestamptz IS NULL OR i.received_at >= :from)', { from: filter.from ?? null })
        .andWhere('(:to::timestamptz IS NULL OR i.received_at < :to)', { to: filter.to ?? null })
        .andWhere('(:lastId::uuid IS NULL OR i.id > :lastId)', { lastId })
        .orderBy('i.id', 'ASC')
        .limit(BATCH)
        .getMany();
      for (const intake of batch) {
        if (rows.length >= REPLAY_LIMIT) break;
        let settings = settingsByRegion.get(intake.regionCode);
        if (!settings) {
          settings = await this.regions.settings(intake.regionCode);
          settingsByRegion.set(intake.regionCode, settings);
        }
        if (intake.question === null || intake.question.trim() === '') withoutText += 1;
        const before = intake.classification as ClassificationResult;
        const after = classify(factsOf(intake), { referenceMonth: referenceMonthOf(intake.receivedAt), routing: routingConfigOf(settings), ruleset: candidate });
        rows.push({ intakeId: intake.id, before: { ...before, urgent: before.urgent ?? false }, after });
      }
      if (batch.length < BATCH || rows.length >= REPLAY_LIMIT) {
        return {
          scope: { regionCodes: regionCodes ?? 'all', from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null },
          candidateVersion: candidate.version,
          withoutText,
          truncated: rows.length >= REPLAY_LIMIT && batch.length === BATCH,
          ...compareReplay(rows),
        };
      }
      lastId = batch[batch.length - 1].id;
    }
  }
}
