import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names.js';

/** Every BullMQ queue of the service by name, injected once (the relay, the failed-jobs API and the metrics use it). */
@Injectable()
export class Queues {
  readonly all: ReadonlyMap<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Routing) routing: Queue,
    @InjectQueue(QueueName.CaseTimers) caseTimers: Queue,
    @InjectQueue(QueueName.Assignment) assignment: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
  ) {
    this.all = new Map<QueueName, Queue>([
      [QueueName.Routing, routing],
      [QueueName.CaseTimers, caseTimers],
      [QueueName.Assignment, assignment],
      [QueueName.Maintenance, maintenance],
    ]);
  }

  get(name: QueueName): Queue {
    const queue = this.all.get(name);
    if (!queue) throw new Error(`Unknown queue ${name}`);
    return queue;
  }
}
