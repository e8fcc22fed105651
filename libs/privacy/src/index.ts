export { scrubFreeText, containsPersonalData } from './free-text.scrubber.js';
export { isValidBsn } from './bsn.detector.js';
export { isValidIban } from './iban.detector.js';
