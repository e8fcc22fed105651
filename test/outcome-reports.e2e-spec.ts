import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** March 2026, before the clocks change: Amsterdam is UTC+1. 2 March is a Monday. */
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
const PERIOD = 'from=2026-03-01&to=2026-04-01';

interface Seed {
  region: string;
  role: string;
  level: string;
  route: string;
  secondaryRoutes?: string[];
  referrals?: string[];
  urgent?: boolean;
  received: string;
  firstContactDue: string;
  closeDue: string;
  firstContact?: string;
  closed?: string;
  result?: string;
  /** Waits for the citizen: [from, to]. */
  waits?: [string, string][];
}

// Expected tables (display of each column, in the report's column order), worked out from the data below.
// volume byRole: questions, toTriage, toTriageShare, urgent, urgentShare, withSecondaryRoutes, withSecondaryRoutesShare, withReferrals, withReferralsShare
const volume_byRole = {
  'jobseeker': ['11', '5', '45.5%', '< 5', '< 5', '0', '0.0%', 'x', 'x'],
  'worker': ['x', '0', 'x', '0', 'x', 'x', 'x', '0', 'x'],
  'self_employed': ['0', '0', '–', '0', '–', '0', '–', '0', '–'],
  'employer': ['< 5', '0', '< 5', '0', '< 5', '0', '< 5', '0', '< 5'],
  'on_behalf': ['0', '0', '–', '0', '–', '0', '–', '0', '–'],
  'total': ['21', '5', '23.8%', '< 5', '< 5', 'x', 'x', 'x', 'x'],
};
// volume byLevel: questions, toTriage, toTriageShare, urgent, urgentShare, withSecondaryRoutes, withSecondaryRoutesShare, withReferrals, withReferralsShare
const volume_byLevel = {
  'top': ['9', '0', '0.0%', '0', '0.0%', '0', '0.0%', 'x', 'x'],
  'middle': ['7', '0', '0.0%', '0', '0.0%', 'x', 'x', '0', '0.0%'],
  'base': ['0', '0', '–', '0', '–', '0', '–', '0', '–'],
  'undetermined': ['5', '5', '100.0%', '< 5', '< 5', '0', '0.0%', '0', '0.0%'],
  'out_of_scope': ['0', '0', '–', '0', '–', '0', '–', '0', '–'],
  'total': ['21', '5', '23.8%', '< 5', '< 5', 'x', 'x', 'x', 'x'],
};
// timeliness byTeam: cases, contacted, contactMedianDays, contactP90Days, contactDue, contactWithinNorm, contactWithinNormShare, closed, closeMedianDays, closeP90Days, closeDue, closeWithinNorm, closeWithinNormShare, paused, pausedShare, pausedMedianDays, pausedP90Days
const timeliness_byTeam = {
  'werkbedrijf': ['6', '6', '1.0', '4.0', '6', 'x', 'x', '6', '9.0', '9.0', '6', '6', '100.0%', '< 5', '< 5', '< 5', '< 5'],
  'mobiliteitsteam': ['7', '7', '1.0', '1.0', '7', '7', '100.0%', '7', '13.0', '13.0', '7', '7', '100.0%', '0', '0.0%', '–', '–'],
  'wsp': ['< 5', '0', '–', '–', '< 5', '0', '< 5', '0', '–', '–', '< 5', '0', '< 5', '0', '–', '–', '–'],
  'triage': ['x', 'x', '0.2', '0.2', 'x', 'x', 'x', 'x', '2.0', '2.0', 'x', 'x', 'x', '0', 'x', '–', '–'],
  'total': ['21', 'x', '1.0', '3.0', '21', 'x', 'x', 'x', '9.0', '13.0', '21', 'x', 'x', '< 5', '< 5', '< 5', '< 5'],
};
// timeliness byRole: cases, contacted, contactMedianDays, contactP90Days, contactDue, contactWithinNorm, contactWithinNormShare, closed, closeMedianDays, closeP90Days, closeDue, closeWithinNorm, closeWithinNormShare, paused, pausedShare, pausedMedianDays, pausedP90Days
const timeliness_byRole = {
  'jobseeker': ['11', '11', '0.2', '3.0', '11', 'x', 'x', '11', '9.0', '9.0', '11', '11', '100.0%', '< 5', '< 5', '< 5', '< 5'],
  'worker': ['x', 'x', '1.0', '1.0', 'x', 'x', 'x', 'x', '13.0', '13.0', 'x', 'x', 'x', '0', 'x', '–', '–'],
  'self_employed': ['0', '0', '–', '–', '0', '0', '–', '0', '–', '–', '0', '0', '–', '0', '–', '–', '–'],
  'employer': ['< 5', '0', '–', '–', '< 5', '0', '< 5', '0', '–', '–', '< 5', '0', '< 5', '0', '–', '–', '–'],
  'on_behalf': ['0', '0', '–', '–', '0', '0', '–', '0', '–', '–', '0', '0', '–', '0', '–', '–', '–'],
  'total': ['21', 'x', '1.0', '3.0', '21', 'x', 'x', 'x', '9.0', '13.0', '21', 'x', 'x', '< 5', '< 5', '< 5', '< 5'],
};
// outcomes byTeam: closed, placed_in_work, placed_in_workShare, work_to_work, work_to_workShare, training_started, training_startedShare, referred, referredShare, withdrawn, withdrawnShare, no_contact, no_contactShare
const outcomes_byTeam = {
  'werkbedrijf': ['x', 'x', 'x', '0', 'x', '0', 'x', '< 5', '< 5', '0', 'x', '0', 'x'],
  'mobiliteitsteam': ['7', '0', '0.0%', '7', '100.0%', '0', '0.0%', '0', '0.0%', '0', '0.0%', '0', '0.0%'],
  'wsp': ['0', '0', '–', '0', '–', '0', '–', '0', '–', '0', '–', '0', '–'],
  'triage': ['x', '0', 'x', '0', 'x', '0', 'x', 'x', 'x', '0', 'x', '0', 'x'],
  'total': ['18', 'x', 'x', '7', '38.9%', '0', '0.0%', 'x', 'x', '0', '0.0%', '0', '0.0%'],
};
// outcomes byLevelAndTeam: closed, placed_in_work, placed_in_workShare, work_to_work, work_to_workShare, training_started, training_startedShare, referred, referredShare, withdrawn, withdrawnShare, no_contact, no_contactShare
const outcomes_byLevelAndTeam = {
  'top/werkbedrijf': ['x', 'x', 'x', '0', 'x', '0', 'x', '< 5', '< 5', '0', 'x', '0', 'x'],
  'middle/mobiliteitsteam': ['7', '0', '0.0%', '7', '100.0%', '0', '0.0%', '0', '0.0%', '0', '0.0%', '0', '0.0%'],
  'undetermined/triage': ['x', '0', 'x', '0', 'x', '0', 'x', 'x', 'x', '0', 'x', '0', 'x'],
  'total': ['18', 'x', 'x', '7', '38.9%', '0', '0.0%', 'x', 'x', '0', '0.0%', '0', '0.0%'],
};
// handoffs byReceivingTeam: requested, accepted, returned, cancelled, pending, answered, acceptanceShare, responseMedianHours, responseP90Hours, answeredInTime, answeredInTimeShare, overdue
const handoffs_byReceivingTeam = {
  'werkbedrijf': ['0', '0', '0', '0', '0', '0', '–', '–', '–', '0', '–', '0'],
  'mobiliteitsteam': ['x', '< 5', '< 5', '< 5', '0', 'x', '< 5', '26', '72', '< 5', '< 5', '< 5'],
  'wsp': ['x', 'x', '0', '0', '0', 'x', 'x', '2', '2', 'x', 'x', '0'],
  'triage': ['0', '0', '0', '0', '0', '0', '–', '–', '–', '0', '–', '0'],
  'total': ['11', 'x', '< 5', '< 5', '0', 'x', 'x', '2', '50', '8', 'x', '< 5'],
};
// handoffs bySendingTeam: requested, accepted, returned, cancelled, pending, answered, acceptanceShare, responseMedianHours, responseP90Hours, answeredInTime, answeredInTimeShare, overdue
const handoffs_bySendingTeam = {
  'werkbedrijf': ['x', '< 5', '< 5', '< 5', '0', 'x', '< 5', '26', '72', '< 5', '< 5', '< 5'],
  'mobiliteitsteam': ['x', 'x', '0', '0', '0', 'x', 'x', '2', '2', 'x', 'x', '0'],
  'wsp': ['0', '0', '0', '0', '0', '0', '–', '–', '–', '0', '–', '0'],
  'triage': ['0', '0', '0', '0', '0', '0', '–', '–', '–', '0', '–', '0'],
  'total': ['11', 'x', '< 5', '< 5', '0', 'x', 'x', '2', '50', '8', 'x', '< 5'],
};
// trends byWeek: questions, toTriage, urgent, closed, toWork, contactDue, contactWithinNorm, toTriageShare, toTriageShareNationalMedian, urgentShare, urgentShareNationalMedian, toWorkShare, toWorkShareNationalMedian, contactWithinNormShare, contactWithinNormShareNationalMedian
const trends_byWeek = {
  '2026-02-23': ['0', '0', '0', '0', '0', '0', '0', '–', '–', '–', '–', '–', '–', '–', '–'],
  '2026-03-02': ['21', '5', '< 5', '0', '0', '21', 'x', '23.8%', '23.8%', '< 5', '0.0%', '–', '–', 'x', '0.0%'],
  '2026-03-09': ['0', '0', '0', '11', '5', '0', '0', '–', '–', '–', '–', '45.5%', '< 5', '–', '–'],
  '2026-03-16': ['0', '0', '0', '7', '7', '0', '0', '–', '–', '–', '–', '100.0%', '< 5', '–', '–'],
  '2026-03-23': ['0', '0', '0', '0', '0', '0', '0', '–', '–', '–', '–', '–', '–', '–', '–'],
  '2026-03-30': ['0', '0', '0', '0', '0', '0', '0', '–', '–', '–', '–', '–', '–', '–', '–'],
  'total': ['21', '5', '< 5', '18', '12', '21', 'x', '23.8%', '–', '< 5', '–', '66.7%', '–', 'x', '–'],
};

/**
 * Outcome reports on known data: cases, their history and hand-offs are written straight into a fresh database with
 * known timestamps (no worker runs), and every figure is asserted exactly, the small-cell rule included.
 */
describe('outcome reports (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let sender = '';
  const caseIds: Record<string, string[]> = {};

  async function seed(group: string, n: number, make: (i: number) => Seed): Promise<void> {
    for (let i = 0; i < n; i++) {
      const s = make(i);
      const classification = { level: s.level, route: s.route, secondaryRoutes: s.secondaryRoutes ?? [], referrals: s.referrals ?? [], urgent: s.urgent ?? false, firedRules: [], reasons: [], rulesetVersion: '2.0.0', language: 'nl' };
      const status = s.closed ? 'closed' : s.firstContact ? 'in_progress' : 'new';
      const [{ id }] = await db.query<{ id: string }[]>(
        `WITH i AS (
           INSERT INTO intake (tracking_code, request_hash, received_at, role, country, region_code, consent, classification, classified_at)
           VALUES (md5(random()::text), 'x', $1, $2, 'nl', $3, '{"processing": true}', $4, $1) RETURNING id)
         INSERT INTO "case" (intake_id, origin, region_code, team, level, status, result, urgent, clock_started_at, first_contact_due_at,
                             close_due_at, first_contact_at, closed_at, created_at, updated_at)
         SELECT i.id, 'routing', $3, $5, $6, $7, $8, $9, $1, $10, $11, $12, $13, $1, $1 FROM i RETURNING id`,
        [s.received, s.role, s.region, JSON.stringify(classification), s.route === 'none' ? 'triage' : s.route, s.level, status, s.result ?? null, s.urgent ?? false,
          s.firstContactDue, s.closeDue, s.firstContact ?? null, s.closed ?? null],
      );
      const events: [string, string | null, string][] = [[s.received, null, 'new']];
      for (const [from, to] of s.waits ?? []) events.push([from, 'in_progress', 'waiting_for_citizen'], [to, 'waiting_for_citizen', 'in_progress']);
      if (s.closed) events.push([s.closed, 'in_progress', 'closed']);
      for (const [when, from, to] of events) {
        await db.query(`INSERT INTO case_event (case_id, at, type, from_status, to_status) VALUES ($1, $2, $3, $4, $5)`, [id, when, from === null ? 'created' : 'status_changed', from, to]);
      }
      (caseIds[group] ??= []).push(id);
    }
  }

  async function handoff(caseId: string, from: string, to: string, status: string, respondedAt: string | null, overdue: string | null): Promise<void> {
    await db.query(
      `INSERT INTO handoff (case_id, from_region_code, from_team, to_region_code, to_team, reason, requested_by, requested_at, respond_by, status, responded_at, response_reason, overdue_at)
       VALUES ($1, 'AM26', $2, 'AM26', $3, 'vrije tekst', $4, $5, $6, $7, $8, $9, $10)`,
      [caseId, from, to, sender, at(2, 10), at(4, 10), status, respondedAt, status === 'returned' ? 'hoort niet bij ons' : null, overdue],
    );
    await db.query(`INSERT INTO case_event (case_id, at, type) VALUES ($1, $2, 'handoff_requested')`, [caseId, at(2, 10)]);
  }

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    db = t.app.get(DataSource);
    [{ id: sender }] = await db.query<{ id: string }[]>(`SELECT id FROM case_worker WHERE username = 'demo-werkbedrijf'`);
    const admin = await login(t.http, 'demo-admin');
    await request(t.http).post('/api/v1/admin/users').set(auth(admin))
      .send({ username: 'analyst.am26', password: 'correct horse battery', role: 'analyst', regionCodes: ['AM26'], teams: [] }).expect(201);
    await request(t.http).post('/api/v1/admin/users').set(auth(admin))
      .send({ username: 'analyst.am25', password: 'correct horse battery', role: 'analyst', regionCodes: ['AM25'], teams: [] }).expect(201);

    // A: 6 job seekers at the top, werkbedrijf; arrived Monday 2 March 09:00, first contact due in 3 working days.
    const contacts = [at(2, 10), at(2, 12), at(3, 8), at(4, 8), at(5, 8), at(6, 8)];
    await seed('A', 6, (i) => ({
      region: 'AM26', role: 'jobseeker', level: 'top', route: 'werkbedrijf', referrals: ['uwv'], received: at(2, 8),
      firstContactDue: at(5, 8), closeDue: '2026-05-27T08:00:00Z', firstContact: contacts[i], closed: at(13, 8),
      result: i < 5 ? 'placed_in_work' : 'referred',
      waits: i === 2 ? [[at(3, 8), at(5, 8)]] : i === 3 ? [[at(4, 8), at(6, 8)]] : i === 4 ? [[at(5, 8), at(9, 8)]] : [],
    }));
    // B: 7 workers in the middle, mobiliteitsteam (5 also for the werkbedrijf); contacted after a working day, closed after 13.
    await seed('B', 7, (i) => ({
      region: 'AM26', role: 'worker', level: 'middle', route: 'mobiliteitsteam', secondaryRoutes: i < 5 ? ['werkbedrijf'] : [], received: at(3, 8),
      firstContactDue: at(5, 8), closeDue: '2026-04-28T07:00:00Z', firstContact: at(4, 8), closed: at(20, 8), result: 'work_to_work',
    }));
    // C: 3 employers at the top, WSP, not contacted yet (first contact due 9 March has passed).
    await seed('C', 3, () => ({ region: 'AM26', role: 'employer', level: 'top', route: 'wsp', received: at(4, 8), firstContactDue: at(9, 8), closeDue: '2026-06-01T07:00:00Z' }));
    // D: 5 undetermined questions for triage, 2 of them urgent; contacted after 4 hours, referred after 2 working days.
    await seed('D', 5, (i) => ({
      region: 'AM26', role: 'jobseeker', level: 'undetermined', route: 'triage', urgent: i < 2, received: at(5, 8),
      firstContactDue: i < 2 ? at(5, 23) : at(6, 8), closeDue: at(10, 8), firstContact: at(5, 12), closed: at(9, 8), result: 'referred',
    }));
    // Five other regions with 5 questions each in the week of 2 March, 0 to 4 of them for triage (national median).
    for (const [k, region] of ['AM01', 'AM02', 'AM03', 'AM05', 'AM06'].entries()) {
      await seed(region, 5, (i) => ({
        region, role: 'jobseeker', level: i < k ? 'undetermined' : 'base', route: i < k ? 'triage' : 'mobiliteitsteam', received: at(3, 9),
        firstContactDue: at(6, 9), closeDue: '2026-04-14T08:00:00Z',
      }));
    }
    // Hand-offs requested Monday 2 March 11:00 (answer due Wednesday 11:00): six from the werkbedrijf to the mobiliteitsteam ...
    const [a1, a2, a3, a4, a5, a6] = caseIds.A;
    await handoff(a1, 'werkbedrijf', 'mobiliteitsteam', 'accepted', at(2, 14), null);
    await handoff(a2, 'werkbedrijf', 'mobiliteitsteam', 'accepted', at(3, 10), null);
    await handoff(a3, 'werkbedrijf', 'mobiliteitsteam', 'accepted', at(4, 12), at(4, 10));
    await handoff(a4, 'werkbedrijf', 'mobiliteitsteam', 'returned', at(3, 12), null);
    await handoff(a5, 'werkbedrijf', 'mobiliteitsteam', 'returned', at(5, 10), at(4, 10));
    await handoff(a6, 'werkbedrijf', 'mobiliteitsteam', 'cancelled', at(4, 9), null);
    // ... and five from the mobiliteitsteam to the WSP, each accepted after 2 hours.
    for (const id of caseIds.B.slice(0, 5)) await handoff(id, 'mobiliteitsteam', 'wsp', 'accepted', at(2, 12), null);
  });
  afterAll(async () => t.close());

  const get = async (path: string, token: string) => (await request(t.http).get(path).set(auth(token)).expect(200)).body;
  /** A table as { rowKey: [display of each column, in order] }. */
  const rows = (report: any, id: string) => {
    const tb = report.tables.find((x: any) => x.id === id);
    return Object.fromEntries(tb.rows.map((row: any) => [row.key, tb.columns.map((c: any) => row.cells[c.key].display)]));
  };
  const analyst = () => login(t.http, 'analyst.am26', 'correct horse battery');

  it('volume: questions per role, level and route; shares to triage, urgent, with secondary routes and referrals; small cells hidden', async () => {
    const report = await get(`/api/v1/reports/volume?regionCode=AM26&${PERIOD}`, await analyst());
    expect(report.scope).toEqual({ regionCodes: ['AM26'], from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(report.suppression).toEqual({ threshold: 5, marker: '< 5', secondaryMarker: 'x', notApplicable: '–' });
    // 2 urgent of 21: "< 5", and so is its share. 5 of the 7 workers have a secondary route: the 2 without it would
    // follow from 7 − 5, so the 5 is hidden too ("x"), and with it the total and the middle level.
    expect(rows(report, 'byRole')).toEqual(volume_byRole);
    expect(rows(report, 'byLevel')).toEqual(volume_byLevel);
    const cell = report.tables[0].rows.find((r: any) => r.key === 'employer').cells.questions;
    expect(cell).toEqual({ value: null, display: '< 5' });
    expect(report.tables[0].rows.find((r: any) => r.key === 'jobseeker').cells.toTriageShare).toEqual({ value: 5 / 11, display: '45.5%' });
  });

  it('timeliness: median and 90th percentile in working days, share within the norm, time waiting for the citizen', async () => {
    const report = await get(`/api/v1/reports/timeliness?regionCode=AM26&${PERIOD}`, await analyst());
    // werkbedrijf: first contact after 0.1, 0.2, 1, 2, 3 and 4 working days (median 1.0, p90 4.0); 5 of 6 by the
    // deadline, so the 1 late one would follow: "x". Three waited for the citizen: "< 5", and no median of 3 cases.
    expect(rows(report, 'byTeam')).toEqual(timeliness_byTeam);
    expect(rows(report, 'byRole')).toEqual(timeliness_byRole);
    expect(report.norms).toContainEqual({ team: 'werkbedrijf', level: 'top', firstContactDays: 3, closeDays: 60 });
    expect(report.norms).toContainEqual({ team: 'triage', level: 'undetermined', firstContactDays: 1, closeDays: 3 });
  });

  it('outcomes: the results of the cases closed, per level and team, per team and per role', async () => {
    const report = await get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}`, await analyst());
    // top/werkbedrijf: 5 placed in work and 1 referred; the 1 is "< 5", the 5 would follow from the 6 closed: "x";
    // the level, team and total rows that would give them away are hidden with them.
    expect(rows(report, 'byLevelAndTeam')).toEqual(outcomes_byLevelAndTeam);
    expect(rows(report, 'byTeam')).toEqual(outcomes_byTeam);
  });

  it('hand-offs: per receiving and sending team, acceptance, response time in working hours, answered in time', async () => {
    const report = await get(`/api/v1/reports/handoffs?regionCode=AM26&${PERIOD}`, await analyst());
    // mobiliteitsteam received 6: answered after 4, 24, 26, 50 and 72 working hours (median 26, p90 72).
    expect(rows(report, 'byReceivingTeam')).toEqual(handoffs_byReceivingTeam);
    expect(rows(report, 'bySendingTeam')).toEqual(handoffs_bySendingTeam);
    // The reasons are free text: they never leave the case.
    expect(JSON.stringify(report)).not.toContain('hoort niet');
    expect(JSON.stringify(report)).not.toContain('vrije tekst');
  });

  it('trends: per week, compared with the median over the regions (each with 5 or more cases that week)', async () => {
    const report = await get(`/api/v1/reports/trends?regionCode=AM26&${PERIOD}`, await analyst());
    // Week of 2 March: AM26 sent 5 of 21 to triage; the five other regions 0, 1, 2, 3 and 4 of 5: the median of the
    // six shares (0, 20, 23.8, 40, 60, 80%) by nearest rank is 23.8%. Closed cases only in AM26: one region, "< 5".
    expect(rows(report, 'byWeek')).toEqual(trends_byWeek);
  });

  it('exports every table as CSV (Accept: text/csv) with the same suppression', async () => {
    const token = await analyst();
    const wide = await request(t.http).get(`/api/v1/reports/handoffs?regionCode=AM26&${PERIOD}&table=byReceivingTeam`).set({ ...auth(token), Accept: 'text/csv' }).expect(200);
    expect(wide.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(wide.headers['content-disposition']).toBe('attachment; filename="werkloket-handoffs-byReceivingTeam-AM26.csv"');
    expect(wide.text).toBe([
      'toTeam,requested,accepted,returned,cancelled,pending,answered,acceptanceShare,responseMedianHours,responseP90Hours,answeredInTime,answeredInTimeShare,overdue',
      ...Object.entries(handoffs_byReceivingTeam).map(([key, values]) => [key, ...values].join(',')),
      '',
    ].join('\r\n'));
    const long = await request(t.http).get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}`).set({ ...auth(token), Accept: 'text/csv' }).expect(200);
    const lines = long.text.split('\r\n');
    expect(lines[0]).toBe('table,row,column,value');
    expect(lines).toContain('byLevelAndTeam,top/werkbedrijf,referred,< 5');
    expect(lines).toContain('byLevelAndTeam,top/werkbedrijf,placed_in_work,x');
    expect(lines).toContain('byLevelAndTeam,middle/mobiliteitsteam,work_to_work,7');
    expect(lines).toContain('byLevel,total,closed,18');
    // JSON stays the default, also for */*; an unknown table is a 422.
    const json = await request(t.http).get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}&table=byTeam`).set({ ...auth(token), Accept: '*/*' }).expect(200);
    expect(json.body.tables.map((tb: any) => tb.id)).toEqual(['byTeam']);
    await request(t.http).get(`/api/v1/reports/outcomes?table=byNothing`).set(auth(token)).expect(422);
  });

  it('is for analysts and coordinators of the region and admins (all regions together): others get 403', async () => {
    const admin = await login(t.http, 'demo-admin');
    const all = await get(`/api/v1/reports/volume?${PERIOD}`, admin);
    expect(all.scope.regionCodes).toBe('all');
    expect(rows(all, 'byRole').total.slice(0, 3)).toEqual(['46', '15', '32.6%']);
    const coordinator = await login(t.http, 'demo-coordinator');
    expect((await get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}`, coordinator)).tables.length).toBe(4);
    const own = await get(`/api/v1/reports/timeliness?${PERIOD}`, await analyst());
    expect(own.scope.regionCodes).toEqual(['AM26']);
    const other = await login(t.http, 'analyst.am25', 'correct horse battery');
    const worker = await login(t.http, 'demo-werkbedrijf');
    for (const report of ['volume', 'timeliness', 'outcomes', 'handoffs', 'trends']) {
      await request(t.http).get(`/api/v1/reports/${report}?regionCode=AM26`).set(auth(other)).expect(403);
      await request(t.http).get(`/api/v1/reports/${report}?regionCode=AM26`).set(auth(worker)).expect(403);
      await request(t.http).get(`/api/v1/reports/${report}?regionCode=AM26`).expect(401);
    }
    await request(t.http).get('/api/v1/reports/outcomes?from=yesterday').set(auth(admin)).expect(422);
  });

  it('follows changes: a case that changes is counted again at the next report (the trigger queues it)', async () => {
    const token = await analyst();
    const before = rows(await get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}`, token), 'byTeam');
    expect(before.wsp[0]).toBe('0');
    // The three employers' cases are closed with placed in work (as the case writer would: the row, then its event).
    for (const id of caseIds.C) {
      await db.query(`UPDATE "case" SET status = 'closed', result = 'placed_in_work', first_contact_at = $2, closed_at = $2 WHERE id = $1`, [id, at(16, 9)]);
      await db.query(`INSERT INTO case_event (case_id, at, type, from_status, to_status) VALUES ($1, $2, 'status_changed', 'new', 'closed')`, [id, at(16, 9)]);
    }
    const after = rows(await get(`/api/v1/reports/outcomes?regionCode=AM26&${PERIOD}`, token), 'byTeam');
    expect(after.wsp.slice(0, 3)).toEqual(['< 5', '< 5', '< 5']);
    expect(after.total[0]).toBe('21');
  });
});
