/** A Dutch postcode as the contract accepts it: "1234", "1234AB" or "1234 ab" (1000–9999). Only the PC4 is kept. */
const POSTCODE = /^\s*([1-9]\d{3})(?:\s?[A-Za-z]{2})?\s*$/;

export function parsePostcode(input: string): number | null {
  const match = POSTCODE.exec(input);
  return match ? Number(match[1]) : null;
}

export function isWellFormedPostcode(input: unknown): input is string {
  return typeof input === 'string' && parsePostcode(input) !== null;
}
