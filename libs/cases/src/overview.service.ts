import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TEAMS, type Team } from '#libs/classification';
import { isCoordinatorOf, type Actor } from '#libs/staff';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { Handoff } from './handoff.entity.js';

export interface TeamFigures {
  team: Team;
  open: number;
  waitingForAssignment: number;
  overdue: number;
  /** Warned: a deadline is near. */
  dueSoon: number;
  escalated: number;
  incomingHandoffs: number;
}

export interface CaseWorkerLoad {
  id: string;
  username: string;
  openCases: number;
  maxOpenCases: number | null;
  available: boolean;
  /** The teams (of this region's overview) the case worker works in. */
  teams: Team[];
}

export interface RegionOverview {
  regionCode: string;
  teams: TeamFigures[];
  escalatedCases: Case[];
  overdueHandoffs: Handoff[];
  caseWorkers: CaseWorkerLoad[];
}

/** The coordinator's view of a region: how every worklist is doing, and what was escalated to them. */
@Injectable()
export class OverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async region(actor: Actor, regionCode: string, now = new Date()): Promise<RegionOverview> {
    const teams = TEAMS.filter((team) => isCoordinatorOf(actor, { regionCode, team }));
    if (teams.length === 0) throw new CaseError('forbidden', 'Only coordinators of this region (and admins) see its overview.');
    const manager = this.dataSource.manager;
    const figures = await manager.query<{ team: Team; open: number; waiting: number; overdue: number; due_soon: number; escalated: number }[]>(
      `SELECT team, count(*)::int AS open,
              count(*) FILTER (WHERE status = 'new')::int AS waiting,
              count(*) FILTER (WHERE paused_at IS NULL AND next_due_at < $2)::int AS overdue,
              count(*) FILTER (WHERE warned_at IS NOT NULL AND escalated_at IS NULL)::int AS due_soon,
              count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated
       FROM "case" WHERE region_code = $1 AND status <> 'closed' AND team = ANY($3) GROUP BY team`,
      [regionCode, now, teams],
    );
    const handoffs = await manager.query<{ team: Team; n: number }[]>(
      `SELECT to_team AS team, count(*)::int AS n FROM handoff WHERE to_region_code = $1 AND status = 'pending' AND to_team = ANY($2) GROUP BY to_team`,
      [regionCode, teams],
    );
    const escalatedCases = await manager
      .createQueryBuilder(Case, 'c')
      .where('c.region_code = :regionCode AND c.team IN (:...teams) AND c.status <> :closed AND c.escalated_at IS NOT NULL', { regionCode, teams, closed: 'closed' })
      .orderBy('c.escalated_at', 'ASC')
      .getMany();
    const overdueHandoffs = await manager
      .createQueryBuilder(Handoff, 'h')
      .where(`h.status = 'pending' AND h.overdue_at IS NOT NULL`)
      .andWhere('((h.to_region_code = :regionCode AND h.to_team IN (:...teams)) OR (h.from_region_code = :regionCode AND h.from_team IN (:...teams)))', { regionCode, teams })
      .orderBy('h.respond_by', 'ASC')
      .getMany();
    const caseWorkers = await manager.query<{ id: string; username: string; open_cases: number; max_open_cases: number | null; available: boolean; teams: Team[] }[]>(
      `SELECT w.id, w.username, w.max_open_cases, w.available, w.teams,
              (SELECT count(*)::int FROM "case" c WHERE c.assigned_to = w.id AND c.status <> 'closed') AS open_cases
       FROM case_worker w WHERE w.active AND w.role = 'case_worker' AND $1 = ANY(w.region_codes) AND w.teams && $2::text[]
       ORDER BY w.username`,
      [regionCode, teams],
    );
    return {
      regionCode,
      teams: teams.map((team) => {
        const row = figures.find((f) => f.team === team);
        return {
          team,
          open: row?.open ?? 0,
          waitingForAssignment: row?.waiting ?? 0,
          overdue: row?.overdue ?? 0,
          dueSoon: row?.due_soon ?? 0,
          escalated: row?.escalated ?? 0,
          incomingHandoffs: handoffs.find((h) => h.team === team)?.n ?? 0,
        };
      }),
      escalatedCases,
      overdueHandoffs,
      caseWorkers: caseWorkers.map((w) => ({
        id: w.id,
        username: w.username,
        openCases: w.open_cases,
        maxOpenCases: w.max_open_cases,
        available: w.available,
        teams: w.teams.filter((team) => teams.includes(team)),
      })),
    };
  }
}
