export type StaffErrorCode = 'invalid_credentials' | 'invalid_token' | 'forbidden' | 'not_found' | 'conflict' | 'invalid_scope';

export class StaffError extends Error {
  constructor(
    readonly code: StaffErrorCode,
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StaffError';
  }
}
