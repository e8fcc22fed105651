export type StaffErrorCode = 'invalid_credentials' | 'invalid_token' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_attempts';

export class StaffError extends Error {
  constructor(
    readonly code: StaffErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StaffError';
  }
}
