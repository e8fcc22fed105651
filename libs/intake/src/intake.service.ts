import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import stableStringify from 'fast-json-stable-stringify';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { DEFAULT_RULESET, classify, referenceMonthOf, rulesetOf, type ClassificationResult, type IntakeFacts } from '#libs/classification';
import { scrubFreeText } from '#libs/privacy';
import { jobIds, JobName, OutboxRelay, QueueName } from '#libs/queue';
import { parsePostcode, RegionsService, routingConfigOf } from '#libs/regions';
import { Intake, type Contact } from './intake.entity.js';
import { IntakeError } from './intake.error.js';

export interface IntakeSubmission extends IntakeFacts {
  postcode?: string;
  contact?: Contact;
}

export interface IntakePreview {
  classification: ClassificationResult;
  region: { code: string; name: string } | null;
  consentHint: boolean;
}

export type SubmitOutcome =
  | { kind: 'accepted'; trackingCode: string; replayed: boolean }
  /** Under 16: nothing is stored; the referral is answered at once. */
  | { kind: 'not_stored'; classification: ClassificationResult };

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Intake) private readonly intakes: Repository<Intake>,
    private readonly regions: RegionsService,
    private readonly relay: OutboxRelay,
  ) {}

  async submit(submission: IntakeSubmission, idempotencyKey?: string, now = new Date()): Promise<SubmitOutcome> {
    if (submission.role !== 'employer' && submission.person?.ageBand === 'under_16') {
      return { kind: 'not_stored', classification: classify(submission, { referenceMonth: referenceMonthOf(now) }) };
    }
    const requestHash = createHash('sha256').update(stableStringify(submission)).digest('hex');
    if (idempotencyKey !== undefined) {
      const earlier = await this.replay(idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    try {
      const trackingCode = await this.store(submission, requestHash, idempotencyKey ?? null, now);
      this.relay.kick();
      return { kind: 'accepted', trackingCode, replayed: false };
    } catch (error) {
      // Two requests with the same key at once: the loser answers with the winner's intake.
      if (idempotencyKey !== undefined && error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        const earlier = await this.replay(idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /**
   * Where the question would go and why, from the same classifier and the region's own ruleset and settings,
   * without storing or logging anything: the live preview on the intake form.
   */
  async preview(submission: IntakeSubmission, now = new Date()): Promise<IntakePreview> {
    const pc4 = submission.postcode === undefined ? null : parsePostcode(submission.postcode);
    const region = pc4 === null ? null : this.regions.resolve(pc4);
    const settings = await this.regions.settings(region?.code ?? null);
    const ruleset = rulesetOf(settings.rulesetVersion ?? DEFAULT_RULESET.version) ?? DEFAULT_RULESET;
    const classification = classify(submission, { referenceMonth: referenceMonthOf(now), routing: routingConfigOf(settings), ruleset });
    return {
      classification,
      region: region ? { code: region.code, name: region.name } : null,
      // The text speaks of the person's own health and the consent box is not ticked: offer it now, knowingly.
      consentHint: classification.consentToConfirm || classification.firedRules.includes('H1'),
    };
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.intakes.exists({}));
  }

  async findByTrackingCode(trackingCode: string): Promise<Intake> {
    const intake = await this.intakes.findOneBy({ trackingCode });
    if (!intake) throw new IntakeError('not_found', 'No intake has this tracking code.');
    return intake;
  }

  private async replay(idempotencyKey: string, requestHash: string): Promise<SubmitOutcome | null> {
    const earlier = await this.intakes.findOne({ where: { idempotencyKey }, select: { trackingCode: true, requestHash: true } });
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) {
      throw new IntakeError('idempotency_conflict', 'This Idempotency-Key was already used with a different request body.');
    }
    return { kind: 'accepted', trackingCode: earlier.trackingCode, replayed: true };
  }

  private async store(submission: IntakeSubmission, requestHash: string, idempotencyKey: string | null, now: Date): Promise<string> {
    const pc4 = submission.postcode === undefined ? null : parsePostcode(submission.postcode);
    const region = pc4 === null ? null : this.regions.resolve(pc4);
    // 144 random bits: the tracking code is the only key a citizen needs, so it must be unguessable.
    const trackingCode = randomBytes(18).toString('base64url');
    const id = randomUUID();
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    // One statement, so one round trip and atomic without a transaction: the intake and its routing job's outbox row.
    await this.dataSource.query(
      `WITH stored AS (
         INSERT INTO intake (id, tracking_code, idempotency_key, request_hash, received_at, role, country, pc4, region_code,
                             language, question, person, employer, consent, contact)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id)
       INSERT INTO outbox (queue, job_name, job_id, payload)
       SELECT $16, $17, $18, jsonb_build_object('intakeId', stored.id) FROM stored`,
      [
        id, trackingCode, idempotencyKey, requestHash, now, submission.role, submission.country, pc4, region?.code ?? null,
        submission.language ?? null, scrubFreeText(submission.question), json(submission.person), json(submission.employer),
        json(submission.consent), json(submission.contact),
        QueueName.Routing, JobName.RouteIntake, jobIds.routeIntake(id),
      ],
    );
    return trackingCode;
  }
}
