import { Injectable } from '@nestjs/common';
import type { ClassificationResult } from '#libs/classification';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CaseClassificationService, CaseEvent, CasesService, overallCitizenStatus, type CitizenStatus } from '#libs/cases';
import { citizenJourney, type JourneyStep } from './journey.js';
import { IntakeService } from '#libs/intake';
import { RegionsService, type Region } from '#libs/regions';

/** What a citizen or employer sees when following their question: no personal data. */
export interface TrackingView {
  trackingCode: string;
  status: CitizenStatus;
  receivedAt: Date;
  region: Region | null;
  classification: ClassificationResult | null;
  caseReference: string | null;
  /** When a person contacts them at the latest (the routed case's first-contact deadline), until they did. */
  firstContactDueAt: Date | null;
  journey: JourneyStep[];
}

@Injectable()
export class TrackingService {
  constructor(
    private readonly intakes: IntakeService,
    private readonly cases: CasesService,
    private readonly regions: RegionsService,
    private readonly classifications: CaseClassificationService,
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
  ) {}

  async view(trackingCode: string): Promise<TrackingView> {
    const intake = await this.intakes.findByTrackingCode(trackingCode);
    const cases = await this.cases.casesOfIntake(intake.id);
    const routedCase = cases.find((c) => c.origin === 'routing') ?? null;
    return {
      trackingCode: intake.trackingCode,
      // No case yet: not classified (received), or out of scope with a referral only (closed).
      status: cases.length > 0 ? overallCitizenStatus(cases.map((c) => c.status)) : intake.classification ? 'closed' : 'received',
      receivedAt: intake.receivedAt,
      // The region that handles it now: triage may have set it, a hand-off may have moved it.
      region: this.regionOf(routedCase?.regionCode ?? intake.regionCode),
      classification: intake.classification ? await this.classifications.effectiveFor(intake.id, intake.classification) : null,
      caseReference: routedCase?.reference ?? null,
      firstContactDueAt: routedCase && routedCase.firstContactAt === null && routedCase.status !== 'closed' ? routedCase.firstContactDueAt : null,
      journey: citizenJourney(intake.receivedAt, cases, cases.length === 0 ? [] : await this.events.find({ where: { caseId: In(cases.map((c) => c.id)) } })),
    };
  }

  private regionOf(code: string | null): Region | null {
    return code === null ? null : this.regions.region(code);
  }
}
