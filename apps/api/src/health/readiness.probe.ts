import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const TIMEOUT_MS = 1500;

/** What readiness reads from PostgreSQL: the age of the oldest unrouted intake and the routing failures. */
@Injectable()
export class ReadinessProbe {
  constructor(private readonly dataSource: DataSource) {}

  async backlog(): Promise<{ oldest: number | null; failures: number }> {
    const query = this.dataSource.query<{ oldest: string | null; failures: number }[]>(
      `SELECT (SELECT extract(epoch FROM now() - min(received_at)) FROM intake WHERE classification IS NULL AND routing_failed_at IS NULL) AS oldest,
              (SELECT count(*)::int FROM intake WHERE classification IS NULL AND routing_failed_at IS NOT NULL) AS failures`,
    );
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref());
    const [row] = await Promise.race([query, timeout]);
    return { oldest: row.oldest === null ? null : Number(row.oldest), failures: row.failures };
  }
}
