export type CaseErrorCode = 'not_found' | 'forbidden' | 'invalid_transition' | 'invalid_transfer' | 'not_assignee' | 'conflict' | 'invalid_assignment';

export class CaseError extends Error {
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CaseError';
  }
}
