import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource, type EntityManager } from 'typeorm';
import { LEVELS, TEAMS, type Level, type Team } from '#libs/classification';
import {
  AssignmentService, CASE_RESULTS, CASE_TRANSITIONS, CaseError, CaseSweepsService, CaseTimersService, CasesService, HandoffsService, MANUAL_STATUSES,
  TriageService, type CaseStatus,
} from '#libs/cases';
import { RegionsService } from '#libs/regions';
import { canWorkOn, StaffService, type Actor } from '#libs/staff';
import { readFixture } from './support/fixtures.js';
import { startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

/**
 * Random sequences of commands by random actors (case workers of every team, a coordinator, an admin, and a case
 * worker of another region) against the real database. After every step the history must tell the truth: every
 * transition is in the state machine's table, every change has exactly one event and one audit entry, every case
 * is on one worklist and at most one person's list, and closed cases stay closed.
 */

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
const nat = fc.nat({ max: 1000 });
const FAR_FUTURE = new Date('2031-01-01T12:00:00Z');

const commandArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('claim'), actor: nat, team: nat }),
  fc.record({ kind: fc.constant('status'), actor: nat, target: nat, status: nat, result: nat, withResult: fc.boolean() }),
  fc.record({ kind: fc.constant('assign'), actor: nat, target: nat, assignee: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ kind: fc.constant('handoff'), actor: nat, target: nat, team: nat }),
  fc.record({ kind: fc.constant('answerHandoff'), actor: nat, target: nat, accept: fc.boolean() }),
  fc.record({ kind: fc.constant('triage'), actor: nat, target: nat, route: nat, level: nat }),
  fc.record({ kind: fc.constant('propose'), actor: nat, target: nat, route: nat, level: nat }),
  fc.record({ kind: fc.constant('note'), actor: nat, target: nat }),
  fc.record({ kind: fc.constant('followUp'), actor: nat, target: nat, team: nat }),
  fc.record({ kind: fc.constant('deadline'), target: nat, close: fc.boolean(), warning: fc.boolean() }),
  fc.record({ kind: fc.constant('sweep') }),
  fc.record({ kind: fc.constant('autoAssign') }),
  fc.record({ kind: fc.constant('toggleWorker'), worker: nat }),
  fc.record({ kind: fc.constant('retention') }),
);
type Command = typeof commandArbitrary extends fc.Arbitrary<infer C> ? C : never;

interface CaseRow {
  id: string;
  intake_id: string;
  origin: string;
  status: CaseStatus;
  result: string | null;
  assigned_to: string | null;
  region_code: string | null;
  team: Team;
  updated_at: Date;
}

describe('one door for every case change (property-based, real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let actors: Actor[];
  let workers: Actor[];
  let admin: Actor;
  const samples = readFixture('intakes.jsonl').filter((s) => s.expect.regionName === 'Midden-Brabant' && s.expect.route !== 'none');

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const staff = t.app.get(StaffService);
    await staff.create({ username: 'outsider', password: 'a-long-password-1', role: 'case_worker', regionCodes: ['AM18'], teams: ['werkbedrijf', 'triage'] });
    await staff.create({ username: 'colleague', password: 'a-long-password-1', role: 'case_worker', regionCodes: ['AM26'], teams: ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage'] });
    const rows = await db.query<{ id: string; username: string; role: Actor['role']; region_codes: string[]; teams: Team[] }[]>(
      `SELECT id, username, role, region_codes, teams FROM case_worker ORDER BY username`,
    );
    actors = rows.map((r) => ({ id: r.id, username: r.username, role: r.role, regionCodes: r.region_codes, teams: r.teams }));
    admin = actors.find((a) => a.role === 'admin')!;
    workers = actors.filter((a) => a.role === 'case_worker');
    // Automatic assignment on one team, so its runs (from the worker's queue and from the commands) are exercised too.
    const regions = t.app.get(RegionsService);
    await regions.updateSettings('AM26', { ...(await regions.settings('AM26')), autoAssignTeams: ['wsp'] }, admin);
  });
  afterAll(async () => t.close());

  async function submitSome(seed: number): Promise<void> {
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const sample = samples[(seed + i * 7) % samples.length];
      const response = await request(t.http).post('/api/v1/intakes').send(sample.request).expect(201);
      codes.push(response.body.trackingCode as string);
    }
    for (const code of codes) await waitForClassification(t.http, code);
  }

  const CASES = `SELECT id, intake_id, origin, status, result, assigned_to, region_code, team, updated_at FROM "case" ORDER BY created_at, id`;
  const cases = () => db.query<CaseRow[]>(CASES);

  async function run(command: Command): Promise<void> {
    const all = await cases();
    const target = 'target' in command ? pick(all, command.target) : undefined;
    const actor = 'actor' in command ? pick(actors, command.actor)! : admin;
    const cs = t.app.get(CasesService);
    switch (command.kind) {
      case 'claim':
        await cs.claimNext(actor, { regionCode: 'AM26', team: pick(TEAMS, command.team)! });
        return;
      case 'status': {
        if (!target) return;
        const status = pick(MANUAL_STATUSES, command.status)!;
        const result = status === 'closed' || command.withResult ? pick(CASE_RESULTS, command.result) : undefined;
        await cs.changeStatus(actor, target.id, { status, result, note: 'property test' });
        return;
      }
      case 'assign': {
        if (!target) return;
        const assignee = command.assignee < 0 ? null : pick(workers, command.assignee)!.id;
        await t.app.get(AssignmentService).assign(actor, { regionCode: target.region_code, team: target.team }, { caseIds: [target.id], assigneeId: assignee, reason: 'property test' });
        return;
      }
      case 'handoff':
        if (!target) return;
        await t.app.get(HandoffsService).request(actor, target.id, { team: pick(TEAMS, command.team)!, reason: 'property test' });
        return;
      case 'answerHandoff': {
        const pending = await db.query<{ id: string }[]>(`SELECT id FROM handoff WHERE status = 'pending' ORDER BY requested_at, id`);
        const handoff = pick(pending, command.target);
        if (!handoff) return;
        const handoffs = t.app.get(HandoffsService);
        if (command.accept) await handoffs.accept(actor, handoff.id, 'property test');
        else await handoffs.returnToSender(actor, handoff.id, 'property test');
        return;
      }
      case 'triage': {
        if (!target) return;
        const route = pick(['werkbedrijf', 'mobiliteitsteam', 'wsp', 'none'] as const, command.route)!;
        await t.app.get(TriageService).classifyByHand(actor, target.id, { level: pick(LEVELS, command.level) as Level, route, regionCode: target.region_code ?? 'AM26', reason: 'property test' });
        return;
      }
      case 'propose': {
        if (!target) return;
        const route = pick(['werkbedrijf', 'mobiliteitsteam', 'wsp', 'none'] as const, command.route)!;
        await t.app.get(TriageService).proposeReclassification(actor, target.id, { level: pick(LEVELS, command.level) as Level, route, reason: 'property test' });
        return;
      }
      case 'note':
        if (!target) return;
        await cs.addNote(actor, target.id, 'Gebeld, voicemail ingesproken.');
        return;
      case 'followUp':
        if (!target) return;
        await cs.createFollowUp(actor, target.id, { team: pick(TEAMS, command.team)!, reason: 'property test' });
        return;
      case 'deadline': {
        if (!target) return;
        const [row] = await db.query<{ first_contact_due_at: Date | null; close_due_at: Date | null; clock_started_at: Date }[]>(
          `SELECT first_contact_due_at, close_due_at, clock_started_at FROM "case" WHERE id = $1`,
          [target.id],
        );
        const due = command.close ? row.close_due_at : row.first_contact_due_at;
        if (!due) return;
        const now = new Date(due.getTime() + (command.warning ? -3600_000 : 2000));
        const job = { caseId: target.id, clock: command.close ? ('close' as const) : ('first_contact' as const), kind: command.warning ? ('warning' as const) : ('breach' as const), dueAt: due.toISOString(), scheduledAt: row.clock_started_at.toISOString() };
        await t.app.get(CaseTimersService).slaCheck(job, now);
        return;
      }
      case 'sweep': {
        const sweeps = t.app.get(CaseSweepsService);
        await sweeps.escalateMissedDeadlines(FAR_FUTURE);
        await sweeps.markMissedHandoffs(FAR_FUTURE);
        return;
      }
      case 'autoAssign':
        await t.app.get(AssignmentService).autoAssign('AM26', 'wsp');
        return;
      case 'toggleWorker': {
        const worker = pick(workers, command.worker)!;
        const [{ active }] = await db.query<{ active: boolean }[]>(`SELECT active FROM case_worker WHERE id = $1`, [worker.id]);
        await t.app.get(StaffService).update(worker.id, { active: !active }, admin);
        await t.app.get(AssignmentService).releaseOrphans();
        return;
      }
      case 'retention':
        await t.app.get(CaseSweepsService).removeExpiredPersonalData(FAR_FUTURE, 0);
        return;
    }
  }

  /** What must hold after every step, whoever did what. */
  async function checkInvariants(before: CaseRow[], startEventId: number, step: string): Promise<void> {
    // One snapshot for every read below, so a change the worker makes meanwhile is either all seen or not at all.
    await db.transaction('REPEATABLE READ', (manager) => checkSnapshot(manager, before, startEventId, step));
  }

  async function checkSnapshot(db: EntityManager, before: CaseRow[], startEventId: number, step: string): Promise<void> {
    const after = await db.query<CaseRow[]>(CASES);
    const byId = new Map(after.map((c) => [c.id, c]));
    // Closed cases stay closed, with their result, worklist and assignee.
    for (const old of before.filter((c) => c.status === 'closed')) {
      const now = byId.get(old.id)!;
      expect({ step, ...now, updated_at: null }).toEqual({ step, ...old, updated_at: null });
    }
    // Every event has exactly one audit entry, and every case change in the audit log points at its event.
    const unmatched = await db.query(
      `SELECT e.id, e.type, (SELECT count(*)::int FROM audit_log a WHERE a.details->>'caseEventId' = e.id::text AND a.case_id = e.case_id) AS audits
       FROM case_event e WHERE e.id > $1
       AND (SELECT count(*) FROM audit_log a WHERE a.details->>'caseEventId' = e.id::text AND a.case_id = e.case_id) <> 1`,
      [startEventId],
    );
    expect({ step, unmatched }).toEqual({ step, unmatched: [] });
    const orphanAudits = await db.query(
      `SELECT a.id, a.action FROM audit_log a WHERE a.case_id IS NOT NULL AND a.action <> 'case.read'
       AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.id::text = a.details->>'caseEventId' AND e.case_id = a.case_id)`,
    );
    expect({ step, orphanAudits }).toEqual({ step, orphanAudits: [] });
    // A case whose row changed has an event for it.
    const changedIds = after.filter((c) => { const old = before.find((b) => b.id === c.id); return !old || old.updated_at.getTime() !== c.updated_at.getTime(); }).map((c) => c.id);
    if (changedIds.length > 0) {
      const silent = await db.query(
        `SELECT c.id FROM unnest($1::uuid[]) AS c(id) WHERE NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.id > $2)`,
        [changedIds, startEventId],
      );
      expect({ step, silent }).toEqual({ step, silent: [] });
    }
    // The history's status chain: each transition is in the table, starts where the last one ended, ends at the
    // case's status, and nothing follows closing.
    const events = await db.query<{ case_id: string; from_status: CaseStatus | null; to_status: CaseStatus }[]>(
      `SELECT case_id, from_status, to_status FROM case_event WHERE to_status IS NOT NULL ORDER BY case_id, id`,
    );
    const last = new Map<string, CaseStatus>();
    for (const e of events) {
      const previous = last.get(e.case_id) ?? null;
      expect({ step, case: e.case_id, from: e.from_status }).toEqual({ step, case: e.case_id, from: previous });
      if (previous !== null) {
        const allowed = CASE_TRANSITIONS[previous].includes(e.to_status) || (previous === 'new' && e.to_status === 'new');
        expect({ step, transition: `${previous} → ${e.to_status}`, allowed }).toEqual({ step, transition: `${previous} → ${e.to_status}`, allowed: true });
      }
      last.set(e.case_id, e.to_status);
    }
    for (const c of after) expect({ step, case: c.id, status: last.get(c.id) }).toEqual({ step, case: c.id, status: c.status });
    // One worklist, at most one person: open cases are unassigned exactly when new, assigned only to someone who
    // may work that worklist; at most one hand-off waits per case; one routed case per intake.
    const workerById = new Map(actors.map((a) => [a.id, a]));
    for (const c of after.filter((x) => x.status !== 'closed')) {
      expect({ step, case: c.id, status: c.status, unassigned: c.assigned_to === null }).toEqual({ step, case: c.id, status: c.status, unassigned: c.status === 'new' });
      if (c.assigned_to !== null) {
        const assignee = workerById.get(c.assigned_to)!;
        expect({ step, case: c.id, mayWork: canWorkOn(assignee, { regionCode: c.region_code, team: c.team }) }).toEqual({ step, case: c.id, mayWork: true });
      }
    }
    const doubleHandoffs = await db.query(`SELECT case_id FROM handoff WHERE status = 'pending' GROUP BY case_id HAVING count(*) > 1`);
    expect({ step, doubleHandoffs }).toEqual({ step, doubleHandoffs: [] });
    const doubleRouted = await db.query(`SELECT intake_id FROM "case" WHERE origin = 'routing' GROUP BY intake_id HAVING count(*) > 1`);
    expect({ step, doubleRouted }).toEqual({ step, doubleRouted: [] });
  }

  it('keeps the state machine, the history and the audit log in step under random commands by random actors', async () => {
    let runs = 0;
    let refused = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 5, maxLength: 25 }), async (commands) => {
        await submitSome(runs);
        runs += 1;
        for (const [index, command] of commands.entries()) {
          // The last event first, then the cases: a change the worker makes in between is then seen with its event.
          const [{ max }] = await db.query<{ max: string | null }[]>(`SELECT max(id) AS max FROM case_event`);
          const before = await cases();
          try {
            await run(command);
            applied += 1;
          } catch (error) {
            // Refusals are part of the game; anything else is a bug.
            if (!(error instanceof CaseError)) throw error;
            refused += 1;
          }
          await checkInvariants(before, Number(max ?? 0), `run ${runs} step ${index}: ${JSON.stringify(command)}`);
        }
      }),
      { numRuns: 12, seed: Number(process.env.PROPERTY_SEED ?? Date.now() % 100000), endOnFailure: true },
    );
    // The commands must reach the door, not only be refused at it.
    expect(applied).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(0);
  }, 240_000);
});
