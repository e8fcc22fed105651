/** Every BullMQ queue of the service, named in one place. */
export const QueueName = {
  /** Classifies an accepted intake and puts it on a worklist. */
  Routing: 'routing',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  RouteIntake: 'route-intake',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Job payloads carry ids only; handlers reload state. */
export interface RouteIntakeJobData {
  intakeId: string;
}

/** Deterministic job ids: relaying the same outbox row twice never creates two jobs. */
export const jobIds = {
  routeIntake: (intakeId: string): string => `route-intake-${intakeId}`,
};

export const DEFAULT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
