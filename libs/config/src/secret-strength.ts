/**
 * Whether a signing secret is fit for production. Pure: used by the config check at boot.
 *
 * The estimate counts the character classes a secret draws from (lower case, upper case, digits, other) and
 * multiplies bits per character by its length, and it needs enough distinct characters so a long run of one
 * letter does not pass. A random 32-byte secret (`openssl rand -base64 32`, or `-hex 32`) clears it; a phrase of
 * dictionary words usually does not, which is the point.
 */

/** Secrets that were ever published with the project: never accepted in production, however long. */
export const KNOWN_SECRETS: readonly string[] = [
  'werkloket-development-secret-do-not-use-in-production',
  'change-me-werkloket-demo-secret',
  'a-test-secret-that-is-long-enough',
];

export const MIN_SECRET_BITS = 256;
const MIN_DISTINCT_CHARACTERS = 10;

export function estimatedSecretBits(secret: string): number {
  const pools: [RegExp, number][] = [
    [/[a-z]/, 26],
    [/[A-Z]/, 26],
    [/[0-9]/, 10],
    [/[^a-zA-Z0-9]/, 33],
  ];
  const pool = pools.filter(([pattern]) => pattern.test(secret)).reduce((sum, [, size]) => sum + size, 0);
  return pool === 0 ? 0 : Math.floor([...secret].length * Math.log2(pool));
}

/** Why the secret will not do in production, or null when it will. */
export function weakSecretReason(secret: string): string | null {
  if (KNOWN_SECRETS.includes(secret)) return 'is a published development or demo secret';
  const bits = estimatedSecretBits(secret);
  if (bits < MIN_SECRET_BITS || new Set(secret).size < MIN_DISTINCT_CHARACTERS) {
    return `is too weak (about ${bits} bits; needs ${MIN_SECRET_BITS}: generate one with \`openssl rand -base64 32\`)`;
  }
  return null;
}
