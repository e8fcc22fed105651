import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { sealPending, verifyChain, type ChainReport, type Query } from './audit-chain.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditActor {
  id: string;
  username: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  action: string;
  caseId?: string | null;
  reason?: string | null;
  details?: AuditEntry['details'];
}

export interface AuditQuery {
  caseId?: string;
  actorId?: string;
  action?: string;
  limit?: number;
}

/** Who read or changed what, when and why. Written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly dataSource: DataSource,
  ) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const target = manager ?? this.entries.manager;
    await target.insert(AuditEntry, {
      actorId: record.actor?.id ?? null,
      actorUsername: record.actor?.username ?? null,
      action: record.action,
      caseId: record.caseId ?? null,
      reason: record.reason ?? null,
      details: record.details ?? {},
    });
  }

  /** Reading the log is itself logged: it holds purposes and who looked at whom. */
  async query(reader: AuditActor, query: AuditQuery): Promise<AuditEntry[]> {
    await this.record({ actor: reader, action: 'audit.read', details: { caseId: query.caseId ?? null, actorId: query.actorId ?? null, action: query.action ?? null } });
    return this.entries.find({
      where: {
        ...(query.caseId ? { caseId: query.caseId } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.action ? { action: query.action } : {}),
      },
      order: { id: 'DESC' },
      take: Math.min(query.limit ?? 100, 1000),
    });
  }

  /** Seals what was added since the last run into the hash chain (the maintenance sweep calls this). */
  async seal(): Promise<number> {
    let sealed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction((manager) => sealPending(queryOf(manager)));
      sealed += batch;
      if (batch < 5000) return sealed;
    }
  }

  /** Checks the whole hash chain; the first broken link, if any. */
  async verify(): Promise<ChainReport> {
    return verifyChain(queryOf(this.dataSource.manager));
  }
}

function queryOf(manager: EntityManager): Query {
  return <T>(sql: string, parameters?: unknown[]) => manager.query<T[]>(sql, parameters);
}
