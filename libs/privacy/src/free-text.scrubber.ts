import { findBsns } from './bsn.detector.js';
import { findEmailAddresses } from './email-address.detector.js';
import { findIbans } from './iban.detector.js';
import { findPhoneNumbers } from './phone-number.detector.js';
import { findPostcodes } from './postcode.detector.js';
import type { TextSpan } from './text-span.js';

interface ScrubPass {
  readonly placeholder: string;
  readonly find: (text: string) => TextSpan[];
}

/**
 * The passes run one after the other on the text the previous pass left, and the order is the point:
 * - e-mail first: a local part may hold anything, including digits that look like a phone number or BSN;
 * - IBAN before phone and BSN: the account part of `NL91 ABNA 0417 1643 00` reads as a phone number (0417 164300)
 *   and other IBANs hold 9-digit runs;
 * - phone before BSN: `+31 612345678` holds a 9-digit run that may pass the 11-proef;
 * - postcode last: it needs letters, so it cannot take anything from the passes before it.
 * Placeholders contain no digits, so no later pass can match inside one.
 */
const PASSES: readonly ScrubPass[] = [
  { placeholder: '[e-mail]', find: findEmailAddresses },
  { placeholder: '[iban]', find: findIbans },
  { placeholder: '[telefoon]', find: findPhoneNumbers },
  { placeholder: '[bsn]', find: findBsns },
  { placeholder: '[postcode]', find: findPostcodes },
];

/**
 * Replaces BSNs, IBANs, e-mail addresses, phone numbers and full postcodes in free text with a placeholder
 * (`[bsn]`, `[iban]`, `[e-mail]`, `[telefoon]`, `[postcode]`), before the text is stored or logged.
 * Everything else, including line breaks and spacing, is kept as it was. Scrubbing is idempotent.
 */
export function scrubFreeText(text: string): string {
  return PASSES.reduce((current, pass) => replaceSpans(current, pass.find(current), pass.placeholder), text);
}

/**
 * Whether `scrubFreeText` would change the text: for deciding to log a warning or keep a raw copy out of a queue.
 * It runs the same passes, so it can never disagree with the scrubber.
 */
export function containsPersonalData(text: string): boolean {
  return scrubFreeText(text) !== text;
}

/** `spans` are in ascending order and do not overlap, as each detector yields them. */
function replaceSpans(text: string, spans: readonly TextSpan[], placeholder: string): string {
  if (spans.length === 0) return text;
  let result = '';
  let position = 0;
  for (const span of spans) {
    result += text.slice(position, span.start) + placeholder;
    position = span.end;
  }
  return result + text.slice(position);
}
