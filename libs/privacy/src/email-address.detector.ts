import type { TextSpan } from './text-span.js';

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;

/**
 * `local@domain.tld`, pragmatic rather than RFC 5322: the local part uses the characters people actually have in
 * addresses (letters of any script, digits, `. _ % + ' -`), the domain is dot-separated labels ending in a
 * top-level domain of two or more letters. Letters of any script keep internationalised addresses
 * (`jürgen@müller.de`) from slipping through. The match may only start at the beginning of a word, which also
 * keeps the engine from rescanning a long local part from every character.
 *
 * Addresses written with spaces or words (`jan @ example.nl`, `jan [at] example [dot] nl`) are the business of
 * `findWrittenOutEmailAddresses`.
 */
const EMAIL_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@${LABEL}(?:\.${LABEL})*\.\p{L}{2,}(?![\p{L}\p{N}])`,
  'gu',
);

export function findEmailAddresses(text: string): TextSpan[] {
  return [...text.matchAll(EMAIL_ADDRESS)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;

/**
 * The `@`: plain with a space on either side or both (`jan @ example.nl`), in brackets (`[at]`, `(at)`, `{@}`,
 * `<at>`), or as a word: `at` or `apenstaartje` (the Dutch name of the sign) between spaces.
 */
const AT = String.raw`(?: ?@ ?| ?${OPEN} ?(?:at|@|apenstaartje) ?${CLOSE} ?| (?:at|apenstaartje) )`;

/** The dot: plain (`.`, or ` . ` between spaces), in brackets (`[dot]`, `(punt)`, `[.]`), or the word `dot`/`punt`. */
const DOT = String.raw`(?:\.| \. | ?${OPEN} ?(?:dot|punt|\.) ?${CLOSE} ?| (?:dot|punt) )`;

const LOCAL_WORD = String.raw`[\p{L}\p{N}\p{M}_%+'-]+`;

/**
 * An address written with spaces or words, the way people write it to keep it from spam robots, or by ear:
 * `jan @ example . nl`, `jan [at] example.nl`, `jan(at)example(dot)nl`, `jan punt jansen at gmail punt com`,
 * `jan apenstaartje ziggo punt nl`. The local part and the domain may use the same dots. Case is ignored.
 * At most ten dots on either side bound the work per candidate. Plain addresses match too; the scrubber has
 * `findEmailAddresses` take those first.
 */
const WRITTEN_OUT_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}\p{M}._%+'-])` +
    String.raw`(?<local>${LOCAL_WORD}(?:${DOT}${LOCAL_WORD}){0,10})` +
    String.raw`(?<at>${AT})` +
    String.raw`(?<domain>${LABEL}(?:${DOT}${LABEL}){0,10})` +
    String.raw`(?<lastDot>${DOT})(?<tld>\p{L}{2,})(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * Top-level domains accepted after a dot that is only a word or spaced (` punt `, ` dot `, ` . `), where any word
 * could follow: the ones Dutch addresses end in. Words that are also common Dutch words (`in`, `me`) are left out.
 */
const KNOWN_TLDS = new Set(
  (
    'nl be de com net org eu info biz io co uk fr es it pt pl ro bg tr ma sr cw aw at ch lu dk se no fi ie us ca au ' +
    'gr cz hu sk lt lv ee si hr rs ua ru cn br mx nu tv cc app dev online email amsterdam frl edu gov'
  ).split(' '),
);

/** Mail providers whose domain, after a plain word `at`, marks an address rather than a workplace (`werk at bol.com`). */
const MAIL_PROVIDERS = new Set(
  (
    'gmail googlemail hotmail outlook live msn yahoo icloud me ziggo kpnmail kpnplanet planet home xs4all hetnet ' +
    'casema upcmail chello tele2 telfort zonnet quicknet online gmx web proton protonmail aol'
  ).split(' '),
);

/**
 * E-mail addresses written with spaces or words instead of `@` and `.` (see `WRITTEN_OUT_ADDRESS`). Because `at`,
 * `punt` and `dot` are ordinary words too, such an address needs more than its shape:
 * - a top-level domain after a written-out or spaced dot must be one of `KNOWN_TLDS` (`jan @ huis . Morgen` is
 *   two sentences);
 * - with the word `at`, the domain must be written out too (`jan at gmail punt com`), or be a mail provider
 *   (`jan at gmail.com`), or the local part must look like one (`jan.jansen at example.nl`, `jan85 at x.nl`):
 *   `ik werk at bol.com` is a workplace.
 * Expects the normalised text (see `normaliseForDetection`), in which every kind of space is a plain space.
 */
export function findWrittenOutEmailAddresses(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = new RegExp(WRITTEN_OUT_ADDRESS);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (isLikelyAddress(match.groups ?? {})) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    } else {
      // An address may still start at a later word of the words taken.
      pattern.lastIndex = match.index + 1;
    }
  }
  return spans;
}

const WRITTEN_DOT = /^ (?:dot|punt|\.) $/i;
const WRITTEN_OR_BRACKETED_DOT = / (?:dot|punt|\.) |[[({<]/i;

function isLikelyAddress(groups: Partial<Record<string, string>>): boolean {
  const { local = '', at = '', domain = '', lastDot = '', tld = '' } = groups;
  if (WRITTEN_DOT.test(lastDot) && !KNOWN_TLDS.has(tld.toLowerCase())) return false;
  if (!/^ at $/i.test(at)) return true;
  const domainWrittenOut = WRITTEN_OR_BRACKETED_DOT.test(domain + lastDot);
  const provider = MAIL_PROVIDERS.has((domain.split(/[^\p{L}\p{N}-]/u)[0] ?? '').toLowerCase());
  const localLikeAddress = /[._\d]| (?:dot|punt) /i.test(local);
  return domainWrittenOut || provider || localLikeAddress;
}
