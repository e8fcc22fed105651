import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that every log line written in this context carries: a request's id, or a job's id and what it is about. */
export type LogFields = Readonly<Record<string, string>>;

/** The context of the request or job being handled; the app logger adds its fields to each line. */
export const logContext = new AsyncLocalStorage<LogFields>();

/** The ids a job's payload may carry (payloads hold ids only; see libs/queue). */
const JOB_ID_FIELDS = ['intakeId', 'caseId', 'handoffId'] as const;

/** What a job's log lines carry: its queue, name and id, and the intake(s) (case, hand-off) it is about. Never its data. */
export function jobLogFields(job: { id?: string | null; name: string; queueName: string; data?: unknown }): LogFields {
  const fields: Record<string, string> = { queue: job.queueName, jobName: job.name };
  if (job.id) fields.jobId = job.id;
  const data = (job.data ?? {}) as Record<string, unknown>;
  for (const key of JOB_ID_FIELDS) {
    const value = data[key];
    if (typeof value === 'string' && value.length <= 64) fields[key] = value;
  }
  // A routing batch (up to 25 intakes): their ids, comma-separated.
  const batch = data.intakeIds;
  if (Array.isArray(batch) && batch.every((id) => typeof id === 'string' && id.length <= 64)) fields.intakeIds = batch.slice(0, 100).join(',');
  return fields;
}
