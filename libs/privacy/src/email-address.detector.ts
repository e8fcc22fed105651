import type { TextSpan } from './text-span.js';

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;

/**
 * `local@domain.tld`, pragmatic rather than RFC 5322: the local part uses the characters people actually have in
 * addresses (letters of any script, digits, `. _ % + ' -`), the domain is dot-separated labels ending in a
 * top-level domain of two or more letters. Letters of any script keep internationalised addresses
 * (`jürgen@müller.de`) from slipping through. The match may only start at the beginning of a word, which also
 * keeps the engine from rescanning a long local part from every character.
 *
 * Not handled: obfuscated addresses (`jan [at] example [dot] nl`, `jan @ example.nl`). They are rare in
 * questions typed into a form, and matching `at` as a word would eat ordinary Dutch and English text.
 */
const EMAIL_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@${LABEL}(?:\.${LABEL})*\.\p{L}{2,}(?![\p{L}\p{N}])`,
  'gu',
);

export function findEmailAddresses(text: string): TextSpan[] {
  return [...text.matchAll(EMAIL_ADDRESS)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
