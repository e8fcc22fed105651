export type ClassificationErrorCode = 'invalid_reference_month';

/** A programming error in how classify() was called (never caused by the intake's content). */
export class ClassificationError extends Error {
  constructor(
    readonly code: ClassificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClassificationError';
  }
}
