/** A half-open range `[start, end)` of UTF-16 offsets in a text, as `String.prototype.slice` takes it. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Character classes shared by the detectors.
 *
 * Copy-pasted text (PDF letters, web forms) often carries no-break spaces inside numbers and postcodes
 * ("1234\u00A0AB"), so every pattern that allows a space also allows U+00A0 and U+202F.
 */
export const SPACE = '[ \\u00A0\\u202F]';
