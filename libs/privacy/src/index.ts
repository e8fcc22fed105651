export { scrubFreeText, containsPersonalData } from './free-text.scrubber.js';
export { normaliseFreeText } from './normalise.js';
export { isValidBsn } from './bsn.detector.js';
export { isValidIban } from './iban.detector.js';
