import { findBsns } from './bsn.detector.js';
import { findEmailAddresses, findWrittenOutEmailAddresses } from './email-address.detector.js';
import { findIbans } from './iban.detector.js';
import { normaliseForDetection } from './normalise.js';
import { findPhoneNumbers, findPhoneNumbersWithoutTrunk } from './phone-number.detector.js';
import { findPostcodes } from './postcode.detector.js';
import type { TextSpan } from './text-span.js';

interface ScrubPass {
  readonly placeholder: string;
  readonly find: (text: string) => TextSpan[];
}

/**
 * The passes run one after the other on the text the previous pass left, and the order is the point:
 * - e-mail first: a local part may hold anything, including digits that look like a phone number or BSN;
 *   the written-out form (`jan @ example . nl`) before the plain one, which would otherwise take only the plain
 *   end of `jan punt jansen@example.nl`;
 * - IBAN before phone and BSN: the account part of `NL91 ABNA 0417 1643 00` reads as a phone number (0417 164300)
 *   and other IBANs hold 9-digit runs;
 * - phone before BSN: `+31 612345678` and `31 6 12345678` hold a 9-digit run that may pass the 11-proef;
 * - but a phone number written without its trunk `0` after BSN: `111 22 23 33` may be a number in Zierikzee
 *   (0111) as well as a BSN, and nine digits that pass the 11-proef are rather a BSN;
 * - postcode last: it needs letters, so it cannot take anything from the passes before it.
 * Placeholders contain no digits, so no later pass can match inside one.
 */
const PASSES: readonly ScrubPass[] = [
  { placeholder: '[e-mail]', find: findWrittenOutEmailAddresses },
  { placeholder: '[e-mail]', find: findEmailAddresses },
  { placeholder: '[iban]', find: findIbans },
  { placeholder: '[telefoon]', find: findPhoneNumbers },
  { placeholder: '[bsn]', find: findBsns },
  { placeholder: '[telefoon]', find: findPhoneNumbersWithoutTrunk },
  { placeholder: '[postcode]', find: findPostcodes },
];

/**
 * Replaces BSNs, IBANs, e-mail addresses, phone numbers and full postcodes in free text with a placeholder
 * (`[bsn]`, `[iban]`, `[e-mail]`, `[telefoon]`, `[postcode]`), before the text is stored or logged.
 *
 * The detectors run on a normalised copy (digits of any script as ASCII, invisible characters dropped, every
 * dash a `-` and every space a space, see `normaliseForDetection`); what they find is replaced in the text as
 * written. Everything else, including line breaks, spacing and the characters that were normalised, is kept as it
 * was. Scrubbing is idempotent.
 */
export function scrubFreeText(text: string): string {
  const normalised = normaliseForDetection(text);
  let working: WorkingText = {
    text: normalised.text,
    sourceStart: normalised.sourceStart,
    sourceEnd: normalised.sourceEnd,
    replacement: normalised.sourceStart.map(() => -1),
  };
  const replacements: Replacement[] = [];
  for (const pass of PASSES) {
    const spans = pass.find(working.text);
    if (spans.length > 0) working = replaceSpans(working, spans, pass.placeholder, replacements);
  }
  return applyToOriginal(text, working, replacements);
}

/**
 * Whether `scrubFreeText` would change the text: for deciding to log a warning or keep a raw copy out of a queue.
 * It runs the same passes, so it can never disagree with the scrubber.
 */
export function containsPersonalData(text: string): boolean {
  return scrubFreeText(text) !== text;
}

/** A placeholder standing for the characters `[start, end)` of the original text. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly placeholder: string;
}

/**
 * The normalised text as the passes have left it so far; for each of its UTF-16 units, the characters of the
 * original text it stands for, and the replacement (an index into the list of replacements) it is part of, or -1.
 */
interface WorkingText {
  readonly text: string;
  readonly sourceStart: readonly number[];
  readonly sourceEnd: readonly number[];
  readonly replacement: readonly number[];
}

/** `spans` are in ascending order and do not overlap, as each detector yields them. */
function replaceSpans(
  working: WorkingText,
  spans: readonly TextSpan[],
  placeholder: string,
  replacements: Replacement[],
): WorkingText {
  let text = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  const replacement: number[] = [];
  const keep = (from: number, to: number): void => {
    text += working.text.slice(from, to);
    for (let k = from; k < to; k++) {
      sourceStart.push(working.sourceStart[k] ?? 0);
      sourceEnd.push(working.sourceEnd[k] ?? 0);
      replacement.push(working.replacement[k] ?? -1);
    }
  };
  let position = 0;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    keep(position, span.start);
    const start = working.sourceStart[span.start] ?? 0;
    const end = working.sourceEnd[span.end - 1] ?? start;
    const index = replacements.push({ start, end, placeholder }) - 1;
    text += placeholder;
    for (let k = 0; k < placeholder.length; k++) {
      sourceStart.push(start);
      sourceEnd.push(end);
      replacement.push(index);
    }
    position = span.end;
  }
  keep(position, working.text.length);
  return { text, sourceStart, sourceEnd, replacement };
}

/**
 * The original text with the replacements that are still in the working text put in. A replacement that a later
 * pass took into a wider one is gone from the working text, and so from the result.
 */
function applyToOriginal(original: string, working: WorkingText, replacements: readonly Replacement[]): string {
  const used = [...new Set(working.replacement.filter((index) => index >= 0))]
    .map((index) => replacements[index])
    .filter((replacement): replacement is Replacement => replacement !== undefined)
    .sort((a, b) => a.start - b.start);
  let result = '';
  let position = 0;
  for (const { start, end, placeholder } of used) {
    if (start < position) {
      // Overlaps the replacement before it (a later pass took part of an earlier placeholder): widen that one.
      position = Math.max(position, end);
      continue;
    }
    result += original.slice(position, start) + placeholder;
    position = end;
  }
  return result + original.slice(position);
}
