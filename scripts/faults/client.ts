// The suite's citizens: a stream of intakes, each with an Idempotency-Key of its own. Like a real client, one that
// gets a 503 or loses its connection sends the same request with the same key again (after a short backoff; it does
// not wait the 30 s of Retry-After, the harsher case), until it gets its 201 or gives up. An intake counts once.
import { randomBytes } from 'node:crypto';
import { sleep } from './processes.js';

export interface IntakeRecord {
  index: number;
  key: string;
  body: IntakeBody;
  /** Requests sent for this intake (1 + retries). */
  attempts: number;
  /** The tracking code of the 201; undefined while not (yet) accepted. */
  trackingCode?: string;
  acceptedAt?: number;
  gaveUp?: boolean;
}

export interface IntakeBody {
  role: string;
  postcode: string;
  question: string;
  person?: Record<string, string>;
  employer?: Record<string, string>;
  consent: { processing: boolean; specialCategoryData?: boolean };
}

/** Questions from six places: five regions (werkbedrijf, mobiliteitsteam, WSP) and a PC4 without a region (national triage). */
export const BODIES: readonly IntakeBody[] = [
  { role: 'jobseeker', postcode: '5038 AB', question: 'Ik zit in de bijstand en wil graag weer aan het werk.', person: { ageBand: '27_55', situation: 'unemployed', benefit: 'bijstand' }, consent: { processing: true } },
  { role: 'employer', postcode: '1012', question: 'Wij zoeken per direct twee koks voor ons restaurant.', employer: { sizeBand: '10_24', sector: 'I', requestType: 'vacancy_general' }, consent: { processing: true } },
  { role: 'worker', postcode: '3511', question: 'Mijn bedrijf gaat reorganiseren en ik wil weten wat ik kan doen.', person: { ageBand: '27_55', situation: 'employed', dismissalRisk: 'yes', dismissalReason: 'reorganisation' }, consent: { processing: true } },
  { role: 'jobseeker', postcode: '9711', question: 'Ik zoek werk als kok, kunnen jullie mij helpen?', person: { ageBand: '27_55', situation: 'unemployed', benefit: 'other' }, consent: { processing: true } },
  { role: 'worker', postcode: '5038', question: 'Ik wil graag een andere baan in de zorg, welke opleiding past bij mij?', person: { ageBand: '27_55', situation: 'employed', questionType: 'training' }, consent: { processing: true } },
  { role: 'jobseeker', postcode: '1000', question: 'Ik ben net verhuisd en zoek werk in de buurt.', person: { ageBand: '18_26', situation: 'unemployed', benefit: 'none' }, consent: { processing: true } },
  { role: 'jobseeker', postcode: '6811', question: 'Ik heb een WW-uitkering en zoek een nieuwe baan in de logistiek.', person: { ageBand: '27_55', situation: 'unemployed', benefit: 'ww' }, consent: { processing: true } },
];

export interface StreamOptions {
  baseUrl: string;
  /** Spread the intakes over these api processes (round robin) instead of `baseUrl` alone. */
  baseUrls?: readonly string[];
  label: string;
  count: number;
  concurrency: number;
  /** Intakes started per second; unset = as fast as the clients can (a burst). */
  ratePerSecond?: number;
  body?: (index: number) => IntakeBody;
  /** A client stops retrying one intake after this long. */
  giveUpAfterMs?: number;
  requestTimeoutMs?: number;
}

/** What went wrong with a request that was not a 201: an HTTP status or the kind of connection error. */
function errorKind(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.name : 'Error';
}

/** Answers a client retries: the service asks for it (503) or the connection did not give an answer. */
const isRetryable = (answer: string): boolean => answer === '503' || !/^\d+$/.test(answer);

export class IntakeStream {
  readonly records: IntakeRecord[] = [];
  /** Every answer (HTTP status) and connection error, with how often. */
  readonly answers = new Map<string, number>();
  requests = 0;
  accepted = 0;
  readonly done: Promise<void>;
  private readonly runId = randomBytes(4).toString('hex');

  constructor(private readonly options: StreamOptions) {
    this.done = this.run();
  }

  get sent(): number {
    return this.records.filter(Boolean).length;
  }

  get retries(): number {
    return this.requests - this.sent;
  }

  /** Answers no client should ever get here (anything but 201, 503 or a lost connection). */
  unexpectedAnswers(): string[] {
    return [...this.answers].filter(([answer]) => answer !== '201' && !isRetryable(answer)).map(([answer, n]) => `${n}× ${answer}`);
  }

  describeAnswers(): string {
    return [...this.answers].sort(([a], [b]) => a.localeCompare(b)).map(([answer, n]) => `${answer} ${n}`).join(', ');
  }

  async waitForAccepted(count: number, timeoutMs = 60_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.accepted < count) {
      if (performance.now() > until) throw new Error(`only ${this.accepted} of ${count} intakes accepted within ${timeoutMs} ms`);
      await sleep(5);
    }
  }

  private async run(): Promise<void> {
    const { count, concurrency, ratePerSecond } = this.options;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const index = next++;
          if (ratePerSecond !== undefined) {
            const due = started + (index * 1000) / ratePerSecond;
            if (due > performance.now()) await sleep(due - performance.now());
          }
          await this.send(index);
        }
      }),
    );
  }

  private count(answer: string): void {
    this.answers.set(answer, (this.answers.get(answer) ?? 0) + 1);
  }

  private async send(index: number): Promise<void> {
    const body = this.options.body?.(index) ?? BODIES[index % BODIES.length];
    const record: IntakeRecord = { index, key: `${this.options.label}-${this.runId}-${index}`, body, attempts: 0 };
    this.records[index] = record;
    const giveUpAt = performance.now() + (this.options.giveUpAfterMs ?? 60_000);
    const payload = JSON.stringify(body);
    let backoff = 50;
    for (;;) {
      record.attempts += 1;
      this.requests += 1;
      let answer: string;
      try {
        const urls = this.options.baseUrls ?? [this.options.baseUrl];
        const response = await fetch(`${urls[index % urls.length]}/api/v1/intakes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': record.key },
          body: payload,
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
        });
        answer = String(response.status);
        const text = await response.text();
        if (response.status === 201) {
          record.trackingCode = (JSON.parse(text) as { trackingCode: string }).trackingCode;
          record.acceptedAt = performance.now();
          this.accepted += 1;
          this.count(answer);
          return;
        }
      } catch (error) {
        answer = errorKind(error);
      }
      this.count(answer);
      // An unexpected answer (a 500, a 4xx) is counted and tried again too: the run fails on it either way.
      if (performance.now() > giveUpAt) {
        record.gaveUp = true;
        return;
      }
      await sleep(backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 1000);
    }
  }
}
