export { QueueName, JobName, jobIds, DEFAULT_JOB_OPTIONS } from './queue-names.js';
export type { RouteIntakeJobData, SlaCheckJobData, SlaClock, HandoffDeadlineJobData, AutoAssignJobData } from './queue-names.js';
export { addToOutbox, OutboxRelay } from './outbox.js';
export type { OutboxMessage } from './outbox.js';
export { OutboxEntry } from './outbox.entity.js';
export { QueueModule } from './queue.module.js';
export { RedisProbe } from './redis-probe.js';
export { withTimeout } from './with-timeout.js';
export type { JsonObject, JsonScalar } from './json.js';
