export type IntakeErrorCode = 'not_found' | 'idempotency_conflict' | 'too_many_previews';

export class IntakeError extends Error {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IntakeError';
  }
}
