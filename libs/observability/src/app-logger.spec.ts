import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { AppLogger } from './app-logger.js';
import { jobLogFields, logContext } from './log-context.js';

/** An AppLogger writing into an array of parsed JSON lines. */
function capture(level: 'info' | 'debug' = 'info'): { logger: AppLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: new AppLogger(level, sink), lines };
}

describe('AppLogger', () => {
  it('writes one JSON line per entry: level as a word, ISO time, message and Nest context', () => {
    const { logger, lines } = capture();
    logger.log('Werkloket API on http://localhost:3000', 'Main');
    logger.debug('not at info', 'Main');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', context: 'Main', msg: 'Werkloket API on http://localhost:3000' });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it('adds the request id, or the job id and intake id, of the work in progress to every line', () => {
    const { logger, lines } = capture();
    logContext.run({ requestId: 'req-1' }, () => logger.warn('Database unavailable', 'ProblemDetailsFilter'));
    const job = { id: 'route-intake-abc', name: 'route-intake', queueName: 'routing', data: { intakeId: '0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f', question: 'never logged' } };
    logContext.run(jobLogFields(job), () => logger.log('Intake routed', 'RoutingService'));
    expect(lines[0]).toMatchObject({ level: 'warn', requestId: 'req-1', context: 'ProblemDetailsFilter' });
    expect(lines[1]).toMatchObject({ queue: 'routing', jobName: 'route-intake', jobId: 'route-intake-abc', intakeId: '0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f', context: 'RoutingService' });
    expect(JSON.stringify(lines[1])).not.toContain('never logged');
    const batch = { id: 'route-intakes-1f2e', name: 'route-intakes', queueName: 'routing', data: { intakeIds: ['a1', 'b2'] } };
    logContext.run(jobLogFields(batch), () => logger.warn('Batch failed', 'RoutingProcessor'));
    expect(lines[2]).toMatchObject({ jobId: 'route-intakes-1f2e', intakeIds: 'a1,b2' });
  });

  it('follows Nest\'s error conventions: a stack before the context, or none', () => {
    const { logger, lines } = capture();
    const stack = new Error('boom').stack ?? '';
    logger.error('Something failed', stack, 'Worker');
    logger.error('Without a stack', undefined, 'Worker');
    logger.error('Static call', 'Main');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'Worker', msg: 'Something failed', stack });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'Worker', msg: 'Without a stack' });
    expect(lines[1]).not.toHaveProperty('stack');
    expect(lines[2]).toMatchObject({ context: 'Main', msg: 'Static call' });
  });

  it('logs an Error by its kind and stack frames, never its message', () => {
    const { logger, lines } = capture();
    logger.error(new TypeError('value 123456782 is not valid'), 'Main');
    expect(lines[0]).toMatchObject({ errorKind: 'TypeError', msg: 'TypeError', context: 'Main' });
    expect(JSON.stringify(lines[0])).not.toContain('123456782');
  });

  it('redacts personal fields and credentials in logged objects, at the top and one level down', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'careless', question: 'Mijn BSN is 123456782', contact: { email: 'jan@example.nl' }, body: { password: 'x' } }, 'Test');
    logger.log('careless too', { request: { headers: { authorization: 'Bearer abc', cookie: 'werkloket_session=abc' }, password: 'hunter2' } }, 'Test');
    const text = JSON.stringify(lines);
    for (const secret of ['123456782', 'jan@example.nl', 'hunter2', 'Bearer abc', 'werkloket_session=abc']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: 'careless', question: '[redacted]', contact: '[redacted]', body: '[redacted]' });
  });
});
