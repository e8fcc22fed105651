export type IntakeErrorCode = 'not_found' | 'idempotency_conflict';

export class IntakeError extends Error {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IntakeError';
  }
}
