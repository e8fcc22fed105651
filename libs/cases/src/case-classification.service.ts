import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ClassificationResult } from '#libs/classification';
import { effectiveClassification } from './effective-classification.js';
import { ManualDecision } from './manual-decision.entity.js';

/** The classification that holds for an intake: the latest triage decision over the automatic one. */
@Injectable()
export class CaseClassificationService {
  constructor(@InjectRepository(ManualDecision) private readonly decisions: Repository<ManualDecision>) {}

  async effectiveFor(intakeId: string, automatic: ClassificationResult): Promise<ClassificationResult> {
    const latest = await this.decisions.findOne({ where: { intakeId, kind: 'triage_decision' }, order: { createdAt: 'DESC' } });
    return effectiveClassification(automatic, latest);
  }
}
