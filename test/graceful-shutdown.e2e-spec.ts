import { afterAll, describe, expect, it } from '@jest/globals';
import { Agent, request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { dropDatabase } from '#libs/database';
import { startTestApp } from './support/test-app.js';

const DRAIN_MS = 1500;
const body = JSON.stringify({ role: 'jobseeker', postcode: '5038', question: 'Ik zoek werk in de buurt, wie kan mij helpen?', person: { benefit: 'other' }, consent: { processing: true } });

interface Answer {
  status: number;
  connection: string | undefined;
  trackingCode?: string;
}

function postIntake(port: number, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, agent, method: 'POST', path: '/api/v1/intakes', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, trackingCode: res.statusCode === 201 ? JSON.parse(text).trackingCode : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request whose head is sent now and whose body only when `finish` is called: it is in flight across the close. */
function straddlingIntake(port: number): { finish: () => void; answer: Promise<Answer> } {
  let finish = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ port, method: 'POST', path: '/api/v1/intakes', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'keep-alive' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, trackingCode: res.statusCode === 201 ? JSON.parse(text).trackingCode : undefined }));
    });
    req.on('error', reject);
    req.flushHeaders();
    req.write(body.slice(0, 10));
    finish = () => req.end(body.slice(10));
  });
  return { finish, answer };
}

describe('graceful shutdown: bounded, keep-alive clients cannot hold it open, nothing accepted is lost', () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const url of databases) await dropDatabase(url);
  });

  it('stops within the drain time while keep-alive clients keep sending, and every 201 is stored', async () => {
    process.env.SHUTDOWN_DRAIN_MS = String(DRAIN_MS);
    const t = await startTestApp({ withWorker: false });
    databases.push(t.databaseUrl);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });

    // Four clients that send as fast as they can on kept-alive connections, until the server is gone.
    const answers: Answer[] = [];
    let stop = false;
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          answers.push(await postIntake(port, agent));
        } catch {
          return; // refused or reset: the server has stopped accepting
        }
      }
    });
    while (answers.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    // One more request whose body is still coming when the shutdown begins: its answer must tell the client to go.
    const straddling = straddlingIntake(port);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const server = t.app.getHttpServer();
    const started = Date.now();
    const closing = t.app.close();
    while (server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    straddling.finish();
    await closing;
    const took = Date.now() - started;
    stop = true;
    await Promise.all(clients);
    agent.destroy();
    const last = await straddling.answer;
    answers.push(last);

    // Without the drain the busy keep-alive connections would hold the server open for as long as clients send.
    expect(took).toBeLessThan(DRAIN_MS + 1000);
    expect(last).toMatchObject({ status: 201, connection: 'close' });
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const accepted = answers.map((a) => a.trackingCode!);
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const [{ n }] = (await db.query<{ n: string }>('SELECT count(*) AS n FROM intake')).rows;
      expect(Number(n)).toBe(accepted.length);
    } finally {
      await db.end();
    }
  });

  it('cuts a connection that never finishes its request once the drain time is over, not minutes later', async () => {
    process.env.SHUTDOWN_DRAIN_MS = String(DRAIN_MS);
    const t = await startTestApp({ withWorker: false });
    databases.push(t.databaseUrl);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    // A client that sends half a request and then nothing: Node would wait for its request timeout (5 min).
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /api/v1/intakes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"role":');
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = Date.now();
    await t.app.close();
    const took = Date.now() - started;
    await cut;
    expect(took).toBeGreaterThanOrEqual(DRAIN_MS - 100);
    expect(took).toBeLessThan(DRAIN_MS + 1000);
  });
});
