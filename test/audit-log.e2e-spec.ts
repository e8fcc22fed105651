import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { AuditService } from '#libs/audit';
import { CaseSweepsService } from '#libs/cases';
import { dropDatabase, ensureDatabaseExists } from '#libs/database';
import { login, POSTGRES_URL, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

/** A word no scrubber knows, standing for a diagnosis someone typed where they should not have. */
const DIAGNOSIS = 'Xylofoonsyndroom';

/**
 * The audit log as an attacker inside the service would meet it: the service's own database role may only read
 * and add to it, every entry is sealed into a hash chain that shows the first changed link, and it holds no free
 * text that could outlive retention.
 */
describe('an audit log the service cannot rewrite (real PostgreSQL, a role of its own)', () => {
  const suffix = randomBytes(4).toString('hex');
  const role = `werkloket_app_${suffix}`;
  const ownerUrl = `${POSTGRES_URL}/werkloket_audit_${suffix}`;
  const serviceUrl = ownerUrl.replace('postgres://postgres@', `postgres://${role}@`);
  let t: TestApp;
  let owner: pg.Client;
  let service: pg.Client;
  let caseId = '';

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    await ensureDatabaseExists(ownerUrl);
    t = await startTestApp({ databaseUrl: serviceUrl, env: { MIGRATION_DATABASE_URL: ownerUrl } });
    service = new pg.Client({ connectionString: serviceUrl });
    await service.connect();

    // A question with a diagnosis in it, worked to closed with the diagnosis in a note, a hand-off and the closing note.
    const intake = await request(t.http).post('/api/v1/intakes')
      .send({ role: 'jobseeker', postcode: '5038', question: `Ik zit in de bijstand en heb ${DIAGNOSIS}. Ik wil weer werken.`, person: { benefit: 'bijstand' }, consent: { processing: true } })
      .expect(201);
    await waitForClassification(t.http, intake.body.trackingCode);
    const token = await login(t.http, 'demo-werkbedrijf');
    const auth = { Authorization: `Bearer ${token}` };
    caseId = (await request(t.http).post('/api/v1/worklists/AM26/werkbedrijf/claim').set(auth).expect(200)).body.id as string;
    await request(t.http).post(`/api/v1/cases/${caseId}/notes`).set(auth).send({ text: `Gebeld. Vertelt over ${DIAGNOSIS}.` }).expect(201);
    await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth).send({ team: 'wsp', reason: `Past bij WSP ondanks ${DIAGNOSIS}` }).expect(202);
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth).send({ status: 'in_progress', note: `Afspraak gemaakt, ${DIAGNOSIS} besproken` }).expect(200);
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth).send({ status: 'closed', result: 'placed_in_work', note: `Geplaatst; ${DIAGNOSIS} geen bezwaar` }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await service?.end();
    await t?.close();
    await dropDatabase(ownerUrl);
    await owner.query(`DROP ROLE IF EXISTS ${role}`);
    await owner.end();
  });

  it('runs on a role that may add to the audit log and read it, but not change, empty or unguard it', async () => {
    const [{ entries }] = (await service.query<{ entries: number }>(`SELECT count(*)::int AS entries FROM audit_log WHERE case_id = $1`, [caseId])).rows;
    expect(entries).toBeGreaterThan(4);
    const refused = [
      `UPDATE audit_log SET reason = 'rewritten'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `UPDATE audit_seal SET hash = 'x'`,
      `DELETE FROM audit_seal`,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`,
      `SET session_replication_role = replica`,
      `DELETE FROM migrations`,
    ];
    for (const statement of refused) {
      const error = await service.query(statement).then(() => null, (e: { code?: string }) => e);
      expect({ statement, code: error?.code }).toEqual({ statement, code: expect.stringMatching(/^(42501|42P01)$/) });
    }
  });

  it('seals every entry into a hash chain and reports the first link that an owner with the trigger off changed', async () => {
    const audit = t.app.get(AuditService);
    await audit.seal();
    const clean = await audit.verify();
    expect(clean).toMatchObject({ ok: true, unsealed: 0, firstBroken: null });
    expect(clean.checked).toBeGreaterThan(4);

    // Only the owner can do this, and only with the append-only trigger switched off.
    const target = (await service.query<{ id: string }>(`SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2`)).rows;
    const db = new pg.Client({ connectionString: ownerUrl });
    await db.connect();
    try {
      await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await db.query(`UPDATE audit_log SET details = details || '{"tampered": true}' WHERE id = $1`, [target[0].id]);
      await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    } finally {
      await db.end();
    }
    const broken = await audit.verify();
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ entryId: target[0].id, reason: expect.stringContaining('changed') });

    const admin = await login(t.http, 'demo-admin');
    const answer = await request(t.http).get('/api/v1/admin/audit/verify').set({ Authorization: `Bearer ${admin}` }).expect(200);
    expect(answer.body).toMatchObject({ ok: false, firstBroken: { entryId: target[0].id } });
  });

  it('keeps no personal text anywhere in the database once retention has run', async () => {
    const columnsWithText = async () =>
      (await service.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`,
      )).rows;
    const holders = async () => {
      const found: string[] = [];
      for (const { table_name, column_name } of await columnsWithText()) {
        const rows = await service.query(`SELECT 1 FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1 LIMIT 1`, [`%${DIAGNOSIS}%`]);
        if (rows.rowCount) found.push(`${table_name}.${column_name}`);
      }
      return found.sort();
    };
    // Before retention the text is where the work needs it, and nowhere in the audit log.
    const before = await holders();
    expect(before).toEqual(expect.arrayContaining(['case_event.note', 'case_note.text', 'handoff.reason', 'intake.question']));
    expect(before.filter((holder) => holder.startsWith('audit_'))).toEqual([]);
    await t.app.get(CaseSweepsService).removeExpiredPersonalData(new Date(Date.now() + 400 * 24 * 3600 * 1000), 90);
    expect(await holders()).toEqual([]);
  });
});
