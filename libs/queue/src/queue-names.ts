import { createHash } from 'node:crypto';
/** Every BullMQ queue of the service, named in one place. */
export const QueueName = {
  /** Classifies an accepted intake and puts it on a worklist. */
  Routing: 'routing',
  /** Delayed jobs on deadlines: SLA warnings and escalations, hand-offs not answered in time. */
  CaseTimers: 'case-timers',
  /** Fair automatic assignment of a worklist's waiting cases. */
  Assignment: 'assignment',
  /** A sweep every minute: catches what a lost job would have done, and removes personal data past retention. */
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  RouteIntake: 'route-intake',
  /** Several intakes routed in one transaction: what the relay makes of the routing rows of one batch. */
  RouteIntakes: 'route-intakes',
  SlaCheck: 'sla-check',
  HandoffDeadline: 'handoff-deadline',
  AutoAssign: 'auto-assign',
  Sweep: 'sweep',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Job payloads carry ids only; handlers reload state. */
export interface RouteIntakeJobData {
  intakeId: string;
}

export interface RouteIntakesJobData {
  intakeIds: string[];
}

export type SlaClock = 'first_contact' | 'close';

/** Fires at `warning` or `breach` time of one clock; stale when the case's deadline has moved since. */
export interface SlaCheckJobData {
  caseId: string;
  clock: SlaClock;
  kind: 'warning' | 'breach';
  dueAt: string;
  /** When this job was scheduled (landing, or resuming after a pause): two schedules can share a deadline. */
  scheduledAt: string;
}

export interface HandoffDeadlineJobData {
  handoffId: string;
}

export interface AutoAssignJobData {
  regionCode: string;
  team: string;
}

/** Deterministic job ids: relaying the same outbox row twice never creates two jobs. */
export const jobIds = {
  routeIntake: (intakeId: string): string => `route-intake-${intakeId}`,
  routeIntakes: (intakeIds: readonly string[]): string => `route-intakes-${createHash('sha256').update([...intakeIds].sort().join()).digest('hex').slice(0, 32)}`,
  slaCheck: (data: SlaCheckJobData): string =>
    `sla-${data.kind}-${data.clock}-${data.caseId}-${Date.parse(data.scheduledAt)}-${Date.parse(data.dueAt)}`,
  handoffDeadline: (handoffId: string): string => `handoff-deadline-${handoffId}`,
  /** One per triggering event: assignment is safe to run any number of times. */
  autoAssign: (regionCode: string, team: string, eventId: string): string => `auto-assign-${regionCode}-${team}-${eventId}`,
};

export const DEFAULT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
