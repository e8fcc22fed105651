import { describe, expect, it } from '@jest/globals';
import calculateSlot from 'cluster-key-slot';
import { QueueName } from './queue-names.js';
import { redisKeyPrefix } from './redis-keys.js';

describe('Redis keys that run on Redis Cluster', () => {
  // The keys BullMQ builds for a queue: `<prefix>:<queue>:<suffix>` (and job hashes `<prefix>:<queue>:<job id>`).
  const keysOf = (prefix: string) =>
    Object.values(QueueName).flatMap((queue) =>
      ['wait', 'active', 'delayed', 'completed', 'failed', 'paused', 'meta', 'events', 'id', 'stalled-check', 'marker', 'prioritized', 'repeat', '8f0a7c1e-job', 'intake-1234']
        .map((suffix) => `${redisKeyPrefix(prefix)}:${queue}:${suffix}`),
    );

  it('puts every key of a deployment in one slot, so BullMQ scripts that touch several keys work', () => {
    const slots = new Set(keysOf('werkloket').map((key) => calculateSlot(key)));
    expect(slots.size).toBe(1);
  });

  it('gives deployments with other prefixes slots of their own', () => {
    const slots = new Set(['werkloket', 'werkloket-noord', 'werkloket-zuid', 'werkloket-oost'].map((prefix) => calculateSlot(keysOf(prefix)[0])));
    expect(slots.size).toBe(4);
  });

  it('is a hash tag: the prefix in braces, nothing else', () => {
    expect(redisKeyPrefix('werkloket')).toBe('{werkloket}');
    expect(calculateSlot('{werkloket}:routing:wait')).toBe(calculateSlot('werkloket'));
  });
});
