import { describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import { jobsFinished, logContext } from '#libs/observability';
import { LoggedWorkerHost } from './logged-worker-host.js';

class RecordingProcessor extends LoggedWorkerHost {
  seen: unknown;

  process(job: Job): Promise<string> {
    this.seen = logContext.getStore();
    return Promise.resolve(`done ${job.id}`);
  }
}

describe('LoggedWorkerHost', () => {
  it('runs each job inside a log context naming the job and its intake, never its data', async () => {
    const processor = new RecordingProcessor();
    const job = { id: 'route-intake-1', name: 'route-intake', queueName: 'routing', data: { intakeId: '0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f' } } as unknown as Job;
    // BullMQ calls the method as bound when the worker starts.
    const process = processor.process.bind(processor);
    await expect(process(job)).resolves.toBe('done route-intake-1');
    expect(processor.seen).toEqual({ queue: 'routing', jobName: 'route-intake', jobId: 'route-intake-1', intakeId: '0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f' });
    expect(logContext.getStore()).toBeUndefined();
  });

  it('counts finished attempts per queue and outcome', async () => {
    const processor = new RecordingProcessor();
    const job = { id: 'x', name: 'sla-check', queueName: 'case-timers', data: { caseId: 'c1' }, attemptsMade: 1 } as unknown as Job;
    const count = async (outcome: string) => (await jobsFinished.get()).values.find((v) => v.labels.queue === 'case-timers' && v.labels.outcome === outcome)?.value ?? 0;
    const [completed, failed] = [await count('completed'), await count('failed')];
    processor.onJobCompleted(job);
    processor.onJobFailed(job, new Error('boom'));
    expect([await count('completed'), await count('failed')]).toEqual([completed + 1, failed + 1]);
  });
});
