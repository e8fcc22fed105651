/**
 * Where every Redis key of one deployment starts: its QUEUE_PREFIX in braces. The braces are a Redis Cluster hash
 * tag, so every key of the deployment's queues hashes to one slot; BullMQ's scripts touch several keys of a queue at
 * once, which Redis Cluster allows only within one slot. Deployments (or groups of regions) with prefixes of their
 * own land on slots of their own and so spread over the cluster.
 */
export function redisKeyPrefix(queuePrefix: string): string {
  return `{${queuePrefix}}`;
}
