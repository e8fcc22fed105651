import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import {
  AGE_BANDS, BENEFITS, COUNTRIES, DISMISSAL_REASONS, EMPLOYER_REQUEST_TYPES, EMPLOYER_SIZE_BANDS, INDICATIONS, LANGUAGES,
  QUESTION_TYPES, REDUNDANT_STAFF, ROLES, SECTORS, SITUATIONS, YES_NO_UNKNOWN, YES_NO_UNKNOWN_PNS,
} from '#libs/classification';
import { readFixture } from './support/fixtures.js';
import { REDIS_URL, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

/*
 * Fuzzes every public endpoint with fast-check: at least 10,000 generated requests, and not one may be answered with
 * a 5xx. Every error must be RFC 9457 problem+json whose `status` is the HTTP status; a 422 names the fields.
 *
 * The requests go over a raw node:http client to the in-process server rather than supertest: superagent parses the
 * URL with WHATWG URL, which resolves `..` and `%2e%2e` and escapes what it does not like, so path traversal and
 * malformed percent-encoding would never reach the server. The raw client sends path, headers and body bytes as
 * generated (invalid UTF-8, gzip bombs and chunked bodies included).
 *
 * Not generated: what Node's HTTP parser refuses before the app sees it, with a bare 400 or 431 and no body (raw
 * bytes beyond ASCII in the request target, more than 16 KiB of headers). Paths outside /api and /health belong to
 * the pages' fallback and are held to "below 500" only.
 *
 * FUZZ_SEED=<integer> picks another seed (the default is fixed, so CI is reproducible); FUZZ_REQUESTS=<n> sends
 * more; FUZZ_SUMMARY=<file> writes the counts per endpoint and status, and the slowest requests, as JSON.
 */

const DEFAULT_SEED = 20_260_501;
const SEED = seedFromEnv(process.env.FUZZ_SEED);
const MIN_REQUESTS = 10_000;
const REQUESTS = Math.max(MIN_REQUESTS + 600, Number(process.env.FUZZ_REQUESTS ?? 0) || 0);
/** Requests in flight at once. */
const IN_FLIGHT = 12;
const BODY_LIMIT = 32 * 1024;
/** A request that takes longer than this is a finding too (a regular expression gone quadratic, say); generous for a busy CI machine. */
const SLOW_MS = 15_000;

function seedFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${JSON.stringify(value)}`);
  return seed;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON values: anything JSON can say, plus literals JSON.stringify cannot write (1e999, huge integers).

/** A JSON literal written into the body text as is. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw literals and own `__proto__` keys. */
function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Raw ? `\u0001RAW${raws.push(v.text) - 1}\u0001` : v)) as string | undefined;
  return (text ?? '').replace(/"\\u0001RAW(\d+)\\u0001"/g, (_match, index: string) => raws[Number(index)]);
}

/** Sets a key as an own, enumerable property, even `__proto__`. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(object, key, value);
  return object;
}

const SPECIAL_CODE_POINTS = [
  0x00, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x22, 0x5c, 0x7f, 0x85, 0xa0, 0xad, 0x0301, 0x05d0, 0x0627, 0x200b, 0x200c, 0x200d, 0x200e,
  0x200f, 0x202a, 0x202e, 0x2028, 0x2029, 0x2066, 0x2069, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff,
  0x1f600, 0x1f469, 0x10ffff,
];

/** One character: mostly printable ASCII, often any code point at all (lone surrogates included), often a nasty one. */
const char = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x10ffff }) },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_CODE_POINTS) },
  )
  .map((code) => String.fromCodePoint(code));
const fuzzString = fc.string({ unit: char, maxLength: 40 });

const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\ud83dx', '\u202eLN', '\u200b', 'NL\u200b', '\ufeffNL', 'e\u0301',
  '👩‍👩‍👧‍👦', '𝕳𝖊𝖑𝖕', 'ﷺ', 'مرحبا بالعالم', 'שלום', '\r\n', '\t', 'null', 'undefined', 'true', 'false', 'NaN', 'Infinity',
  '1e309', '-0', '0x10', '[object Object]', '__proto__', 'constructor', '{"a":1}', '[]', "' OR '1'='1", "'; DROP TABLE intake; --",
  '<script>alert(1)</script>', '${jndi:ldap://x/a}', '{{7*7}}', '../../etc/passwd', '%00', '%ZZ', '\\', '\\u0000',
  'jobseeker ', ' jobseeker', 'JOBSEEKER', 'Jobseeker', 'employer\u0000', 'nl\u200b', 'abroad\n', '5038\u00a0AB', '５０３８ＡＢ',
  '٥٠٣٨', '5038\nAB', '2026-03\u0000', '2026-W10', 'a@b.nl\u0000', 'a@b.nl\n', 'ä@ö.nl', 'demo', 'demo-admin', 'DEMO-ADMIN',
];
const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Strings at and beyond every limit the API has (100, 200, 254, 2000 characters, the 32 KiB body). */
const hugeString = fc
  .tuple(
    fc.constantFrom('a', ' ', 'é', '€', '😀', '\u200b', '\u202e', '\ud800', 'Ik zoek werk. ', 'x\u0000'),
    fc.constantFrom(99, 100, 101, 199, 200, 201, 254, 255, 1999, 2000, 2001, 4000, 10_000, 20_000, 33_000),
  )
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

const numberValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 16, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 5038, 1234, 90001234, 202603),
);
const numericString = fc.oneof(numberValue.map(String), fc.constantFrom('5038', '1', '0', '-1', '1e3', ' 42 ', '0042', '٣'));
const rawNumber = fc
  .constantFrom('1e999', '-1e999', '123456789012345678901234567890', '1e-400', '-0', '1E+2', '0e0', '5038.0')
  .map((text) => new Raw(text));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: fuzzString },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: numberValue },
  { weight: 1, arbitrary: numericString },
  { weight: 1, arbitrary: rawNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const KEYS = [
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'toJSON', 'then', '', ' ', 'role ', 'Role',
  'ROLE', 'postcode\u0000', 'person.ageBand', '$where', '$gt', '0', 'length', 'role', 'consent', 'person', 'employer', 'contact',
  'question', 'processing', 'username', 'password', 'extra',
];
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fuzzString });

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf) },
  ),
}));

/** Nesting depths around the 32 levels the unsafe-input pipe allows, and far beyond. */
const nestingDepth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(31, 32, 33, 100, 1000, 5000, 9000));

// ---------------------------------------------------------------------------------------------------------------
// Mutations of a valid body.

type Path = (string | number)[];
type StringEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'repeat'; times: number }
  | { kind: 'case'; upper: boolean }
  | { kind: 'pad'; text: string }
  | { kind: 'cut'; at: number };
type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'add'; pick: number; key: string; value: unknown }
  | { op: 'edit'; pick: number; edit: StringEdit }
  | { op: 'wrap'; pick: number; shape: 'array' | 'object'; depth: number }
  | { op: 'retype'; pick: number }
  | { op: 'field'; field: number; choice: number }
  | { op: 'question'; text: string };

/** A field of a contract with values that are valid, almost valid, or meant to combine badly with the others. */
interface Field {
  path: string[];
  values: readonly unknown[];
}

const INTAKE_FIELDS: Field[] = [
  { path: ['role'], values: ROLES },
  { path: ['country'], values: [...COUNTRIES, 'nl', 'BE', 'abroad '] },
  { path: ['postcode'], values: ['5038 AB', '5038ab', '5038', '1000', '9999', '0999', '10000', '1234 A', ' 5017 ', '5038\tAB', '5038  AB', '9999ZZ', '1011'] },
  { path: ['language'], values: [...LANGUAGES, 'de', 'NL'] },
  {
    path: ['question'],
    values: ['', ' ', 'Ik zoek werk.', 'I lost my job and need help', 'Ik heb een Wajong-uitkering en zoek werk', 'Mijn werkgever gaat failliet',
      'Bel me op 06 12345678 of mail jan@example.nl', 'Ik zie het niet meer zitten', 'ik ben 15 en zoek een bijbaantje', 'Ik heb geen huis meer'],
  },
  { path: ['person', 'ageBand'], values: AGE_BANDS },
  { path: ['person', 'situation'], values: SITUATIONS },
  { path: ['person', 'benefit'], values: BENEFITS },
  { path: ['person', 'targetGroupRegister'], values: YES_NO_UNKNOWN_PNS },
  { path: ['person', 'occupationalDisability'], values: YES_NO_UNKNOWN_PNS },
  { path: ['person', 'indication'], values: INDICATIONS },
  { path: ['person', 'praktijkOrVsoSchool'], values: YES_NO_UNKNOWN },
  { path: ['person', 'dismissalRisk'], values: YES_NO_UNKNOWN },
  { path: ['person', 'dismissalReason'], values: DISMISSAL_REASONS },
  { path: ['person', 'dismissalMonth'], values: ['2026-03', '2026-13', '2026-00', '0000-01', '9999-12', '2026-3', '26-03'] },
  { path: ['person', 'sector'], values: [...SECTORS, 'Z', 'a'] },
  { path: ['person', 'questionType'], values: QUESTION_TYPES },
  { path: ['employer', 'kvkNumber'], values: ['90001234', '00000000', '1234567', '123456789', '9000123a'] },
  { path: ['employer', 'sizeBand'], values: EMPLOYER_SIZE_BANDS },
  { path: ['employer', 'sector'], values: SECTORS },
  { path: ['employer', 'requestType'], values: EMPLOYER_REQUEST_TYPES },
  { path: ['employer', 'redundantStaff'], values: REDUNDANT_STAFF },
  { path: ['consent', 'processing'], values: [true, true, false, 'true', 1] },
  { path: ['consent', 'specialCategoryData'], values: [true, false, 'false', 0, null] },
  { path: ['contact', 'email'], values: ['jan@example.nl', 'a@b', 'not-an-email', '"a b"@example.com', `x@${'a'.repeat(250)}.nl`, 'jan@example.nl '] },
  { path: ['contact', 'phone'], values: ['06 12345678', '+31 6 12345678', '(013) 123-4567', '123', '+'.repeat(20), '0612345678901234567890'] },
];

const LOGIN_FIELDS: Field[] = [
  {
    path: ['username'],
    values: ['demo-admin', 'demo-triage', 'demo-wsp', 'DEMO-ADMIN', 'demo-admin ', 'nobody', '', 'a'.repeat(100), 'a'.repeat(101), "admin' --"],
  },
  { path: ['password'], values: ['demo', 'wrong', '', 'x'.repeat(200), 'x'.repeat(201), 'demo\u0000'] },
];

/**
 * Free text for the question (at most 2000 characters, so it gets through validation to the privacy scrubber and the
 * classifier): words the rules and the scrubber look for, glued with separators and unicode, and runs that make a
 * backtracking regular expression work hard.
 */
const QUESTION_TOKENS = [
  'Ik', 'zoek', 'werk', 'geen', 'niet', 'wel', 'Wajong', 'WW', 'WW-uitkering', 'WWB', 'bijstand', 'ontslag', 'failliet', 'reorganisatie', 'ziek',
  'ziektewet', 'burn-out', 'WIA', '113', 'zelfmoord', 'dood', 'dakloos', 'jobcoach', 'praktijkonderwijs', 'vso', 'UWV', 'gemeente', 'hbo', "hbo's",
  'mbo', 'zzp', 'werkgever', 'personeel', 'vacature', '15', 'jaar', 'I', 'lost', 'my', 'job', '06', '06-12345678', '+31 6 12345678', '0031',
  '(020)', '020 - 123 45 67', '(0)6', '123456782', '111222333', 'NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300', 'jan@example.nl',
  'jürgen@müller.de', 'jan @ example . nl', 'jan[at]example[dot]nl', 'at', 'punt', 'dot', 'apenstaartje', '5038 AB', '5038AB', '2026-03',
  '06-05-2025 10', '@', '.', '-', '/', '(', ')', '+', '0', '00', '9', '€ 2.500', '+25.000.000',
];
const questionText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUESTION_TOKENS) }, { weight: 1, arbitrary: fuzzString }), { maxLength: 300 }), fc.constantFrom(' ', '', '\n', ' - ', '.', '@', '\u00a0', '\u202f', '\u200b'))
      .map(([tokens, separator]) => tokens.join(separator).slice(0, 2000)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('0', '06 ', '0-', '1 ', 'a@', 'a.', 'a-', '@a', 'a@b.', '.a', '+1 ', '(0', '00 ', 'NL91 ', 'AB12 ', '1-', '9.', 'é@', 'ab ', ' at ', ' punt '), fc.constantFrom('', '@b.cc', '!', '1', 'x', '@'))
      .map(([unit, tail]) => `${unit.repeat(Math.floor((2000 - tail.length) / unit.length))}${tail}`),
  },
);

const stringEdit: fc.Arbitrary<StringEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(nastyString, fuzzString) }),
  fc.record({ kind: fc.constant('repeat' as const), times: fc.constantFrom(2, 10, 100, 1000, 40_000) }),
  fc.record({ kind: fc.constant('case' as const), upper: fc.boolean() }),
  fc.record({ kind: fc.constant('pad' as const), text: fc.constantFrom(' ', '\t', '\u00a0', '\u200b', '\u0000', '\n') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

const pick = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), pick, value }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), pick, key, value }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), pick, edit: stringEdit }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrap' as const), pick, shape: fc.constantFrom('array' as const, 'object' as const), depth: nestingDepth }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('retype' as const), pick }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('field' as const), field: fc.nat(), choice: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('question' as const), text: questionText }) },
);
/** No mutation at all fairly often, so valid bodies (and their 201s) keep coming. */
const mutations = fc.oneof({ weight: 1, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 5 }) });

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Raw);

/** Every path in the value (the root excluded), in a fixed order. */
function pathsOf(root: unknown): Path[] {
  const found: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (path.length > 0) found.push(path);
    if (isContainer(current) && path.length < 8) {
      for (const k of Object.keys(current).reverse()) stack.push([current[k], [...path, Array.isArray(current) ? Number(k) : k]]);
    }
  }
  return found;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, k) => (isContainer(current) ? current[k as string] : undefined), root);
}

/** Replaces the value at the path; returns the (possibly new) root. */
function setAt(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const parent = getAt(root, path.slice(0, -1));
  if (isContainer(parent)) setOwn(parent, String(path[path.length - 1]), next);
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  const parent = getAt(root, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else if (isContainer(parent)) delete parent[String(path[path.length - 1])];
  return root;
}

function editString(text: string, edit: StringEdit): string {
  switch (edit.kind) {
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'repeat': {
      // Far past the 32 KiB limit is far enough.
      const unit = text || 'x';
      return unit.repeat(Math.max(1, Math.min(edit.times, Math.floor(200_000 / unit.length))));
    }
    case 'case':
      return edit.upper ? text.toUpperCase() : text.toLowerCase();
    case 'pad':
      return `${edit.text}${text}${edit.text}`;
    case 'cut':
      return text.slice(0, edit.at % (text.length + 1));
  }
}

function retype(current: unknown): unknown {
  if (typeof current === 'string') return current.trim() !== '' && Number.isFinite(Number(current)) ? Number(current) : [current];
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  if (current === null) return 'null';
  if (Array.isArray(current)) return current.length > 0 ? current[0] : {};
  if (current instanceof Raw) return current.text;
  return serialize(current);
}

function nest(inner: unknown, shape: 'array' | 'object', depth: number): Raw {
  const text = serialize(inner) || 'null';
  return shape === 'array' ? new Raw(`${'['.repeat(depth)}${text}${']'.repeat(depth)}`) : new Raw(`${'{"a":'.repeat(depth)}${text}${'}'.repeat(depth)}`);
}

function setField(root: unknown, field: Field, choice: number): unknown {
  const next: Record<string, unknown> = isContainer(root) && !Array.isArray(root) ? root : {};
  let current = next;
  for (const step of field.path.slice(0, -1)) {
    if (!isContainer(current[step]) || Array.isArray(current[step])) setOwn(current, step, {});
    current = current[step] as Record<string, unknown>;
  }
  setOwn(current, field.path[field.path.length - 1], field.values[choice % field.values.length]);
  return next;
}

function applyMutation(root: unknown, m: Mutation, fields: readonly Field[]): unknown {
  if (m.op === 'field') return setField(root, fields[m.field % fields.length], m.choice);
  if (m.op === 'question') return setField(root, { path: ['question'], values: [m.text] }, 0);
  const paths = pathsOf(root);
  if (m.op === 'add') {
    const containers = [[] as Path, ...paths.filter((p) => isContainer(getAt(root, p)))];
    const target = getAt(root, containers[m.pick % containers.length]);
    if (Array.isArray(target)) target.push(m.value);
    else if (isContainer(target)) setOwn(target, m.key, m.value);
    else return objectOf([[m.key, m.value]]);
    return root;
  }
  const path = paths.length === 0 ? [] : paths[m.pick % paths.length];
  const current = getAt(root, path);
  switch (m.op) {
    case 'delete':
      return path.length === 0 ? undefined : deleteAt(root, path);
    case 'replace':
      return setAt(root, path, m.value);
    case 'edit':
      return setAt(root, path, editString(typeof current === 'string' ? current : serialize(current), m.edit));
    case 'wrap':
      return setAt(root, path, nest(current, m.shape, m.depth));
    case 'retype':
      return setAt(root, path, retype(current));
  }
}

function mutate(base: unknown, list: readonly Mutation[], fields: readonly Field[]): unknown {
  return list.reduce<unknown>((root, m) => applyMutation(root, m, fields), structuredClone(base));
}

// ---------------------------------------------------------------------------------------------------------------
// The body on the wire: JSON text that may be broken, padded past the limit, re-encoded, compressed or mislabelled.

type Framing =
  | { kind: 'as-is' }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'replace'; text: string }
  | { kind: 'pad'; size: number; before: boolean }
  | { kind: 'utf16' };

const JSON_JUNK = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '\\ud800', 'NaN', '/*x*/', '//x\n', '\u0000', "'", '\n', ',"role":"employer"', '"role":', 'undefined', ',,'];
const BAD_BYTES = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00], [0x80], [0xef, 0xbb, 0xbf]];
const WHOLE_BODIES = [
  '', ' ', '{}', '[]', 'null', '0', '-1', '1e999', '"hallo"', 'true', '{', '}', '{"role":}', "{'role':'worker'}", '{"role":"worker",}',
  '/*c*/{}', '{"a":NaN}', '\ufeff{}', '{"role":"worker","role":"employer"}', '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}', '[{"role":"worker"}]', '{"role":"worker"}garbage', '{"role":"worker"}{"role":"worker"}',
  '{"role":"worker","postcode":"5038","consent":{"processing":true},"consent":{"processing":false}}', 'role=worker&postcode=5038',
  '<?xml version="1.0"?><intake/>', '\u0000', '\\', '"\\ud800"', '{"role":"\\ud800"}', '{"question":"\\u0000"}',
];

const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 40, arbitrary: fc.constant({ kind: 'as-is' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...JSON_JUNK), fuzzString) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.constantFrom(...BAD_BYTES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), text: fc.constantFrom(...WHOLE_BODIES) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('pad' as const), size: fc.constantFrom(BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, 33_000, 40_000, 100_000), before: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'utf16' as const }) },
);

function frame(text: string, f: Framing): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  switch (f.kind) {
    case 'as-is':
      return bytes;
    case 'truncate':
      return bytes.subarray(0, f.at % (bytes.length + 1));
    case 'splice': {
      const at = f.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(f.text, 'utf8'), bytes.subarray(at)]);
    }
    case 'bytes': {
      const at = f.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(f.bytes), bytes.subarray(at)]);
    }
    case 'replace':
      return Buffer.from(f.text, 'utf8');
    case 'pad': {
      // JSON allows whitespace around the value: valid JSON of exactly `size` bytes, unless the body is longer already.
      const padding = Buffer.alloc(Math.max(0, f.size - bytes.length), ' ');
      return f.before ? Buffer.concat([padding, bytes]) : Buffer.concat([bytes, padding]);
    }
    case 'utf16':
      return Buffer.from(text, 'utf16le');
  }
}

const CONTENT_TYPES = [
  'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON', 'application/json; charset=utf-16',
  'application/json; charset=utf-16le', 'application/json; charset=latin1', 'application/json; charset=iso-8859-1',
  'application/json; charset=bogus', 'application/json; charset=""', 'application/json;;', 'application/json; foo',
  'application/json; charset=utf-8; charset=latin1', 'application/problem+json', 'application/vnd.api+json', 'application/merge-patch+json',
  'application/csp-report', 'text/json', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz', 'application/xml', 'application/octet-stream', '*/*', 'application/*', 'json', '', 'application/json, text/plain',
  'é/é', `application/${'x'.repeat(300)}`,
];
/** Undefined: no Content-Type header at all. */
const contentType = fc.oneof(
  { weight: 24, arbitrary: fc.constant<string | undefined>('application/json') },
  { weight: 2, arbitrary: fc.constantFrom<string | undefined>(...CONTENT_TYPES) },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
);

type Encoding = 'none' | 'gzip' | 'deflate' | 'br' | 'bomb' | 'mislabelled';
const encoding = fc.oneof(
  { weight: 40, arbitrary: fc.constant<Encoding>('none') },
  { weight: 3, arbitrary: fc.constantFrom<Encoding>('gzip', 'deflate', 'br', 'bomb', 'mislabelled') },
);
const MISLABELLED = ['gzip', 'deflate', 'br', 'identity', 'compress', 'x-bogus', 'gzip, gzip', 'GZIP', 'zstd', ''];

let bomb: Buffer | undefined;
/** 4 MB of JSON in a few kB of gzip: the limit must hold on the inflated size. */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.from(`{"role":"worker","question":"${'a'.repeat(4_000_000)}"}`));
  return bomb;
}

interface BodySpec {
  base: number;
  mutations: Mutation[];
  framing: Framing;
  contentType: string | undefined;
  encoding: Encoding;
  mislabel: number;
  chunked: boolean;
}

const bodySpec: fc.Arbitrary<BodySpec> = fc.record({
  base: fc.nat(),
  mutations,
  framing,
  contentType,
  encoding,
  mislabel: fc.nat(),
  chunked: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

interface Wire {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** No Content-Length: the body goes chunked. */
  chunked?: boolean;
}

function bodyOnWire(spec: BodySpec, bases: readonly unknown[], fields: readonly Field[]): Pick<Wire, 'headers' | 'body' | 'chunked'> {
  const text = serialize(mutate(bases[spec.base % bases.length], spec.mutations, fields));
  let body = frame(text, spec.framing);
  const headers: Record<string, string> = {};
  if (spec.contentType !== undefined) headers['content-type'] = spec.contentType;
  switch (spec.encoding) {
    case 'none':
      break;
    case 'gzip':
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      break;
    case 'deflate':
      body = deflateSync(body);
      headers['content-encoding'] = 'deflate';
      break;
    case 'br':
      body = brotliCompressSync(body);
      headers['content-encoding'] = 'br';
      break;
    case 'bomb':
      body = gzipBomb();
      headers['content-encoding'] = 'gzip';
      break;
    case 'mislabelled':
      headers['content-encoding'] = MISLABELLED[spec.mislabel % MISLABELLED.length];
      break;
  }
  return { headers, body, chunked: spec.chunked };
}

// ---------------------------------------------------------------------------------------------------------------
// Headers, paths and query strings.

/** Header-safe text (Node refuses control characters in header values; Latin-1 is allowed). */
const headerChar = fc
  .oneof({ weight: 5, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) })
  .map((code) => String.fromCharCode(code));
const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });

const idempotencyKey = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>(undefined) },
  // A small pool: the same key again is a replay (same body) or a conflict (another body).
  { weight: 3, arbitrary: fc.constantFrom<string | undefined>('fuzz-1', 'fuzz-2', 'fuzz-3') },
  { weight: 3, arbitrary: headerText(60) },
  { weight: 1, arbitrary: fc.constantFrom(1, 199, 200, 201, 1000, 8000).map((n) => 'k'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', 'é'.repeat(200), 'é'.repeat(201), 'ÿ', '"', "'", '%00', '../', '\\', 'null', '0') },
);

const extraHeaders = fc.dictionary(
  fc.constantFrom('accept', 'accept-language', 'x-forwarded-for', 'authorization', 'cookie', 'origin', 'x-csrf-token', 'x-request-id', 'range', 'if-none-match'),
  fc.oneof(headerText(80), fc.constantFrom('*/*', 'text/html', 'application/xml', 'Bearer x', 'Bearer ', '1.2.3.4, ::1', 'bytes=0-1')),
  { maxKeys: 2 },
);

/** Bytes safe in a path as they are; everything else is percent-encoded (Node sends a path only without spaces and controls). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/**
 * Printable ASCII only: Node's HTTP parser itself answers a bare 400 (no body, before the app sees anything) to raw
 * bytes beyond ASCII in the request target, and Node's client refuses control characters and spaces.
 */
const sendable = (path: string) => path.replace(/[^\u0021-\u007e]/g, (c) => percentEncode(c));

const BAD_SEGMENTS = [
  '..', '.', '%2e%2e', '%2E%2E', '..%2f..%2f..%2fetc%2fpasswd', '..%5c..%5cwindows%5cwin.ini', '%2e%2e%2f%2e%2e%2fhealth', '....//....//',
  '%252e%252e%252f', '%c0%ae%c0%ae%2f', '%00', '%00.json', 'abc%00def', '%', '%%', '%Z', '%ZZ', '%e0%a4%a', '%ED%A0%80', '%FF%FE',
  '%C0%AF', '%F4%90%80%80', '%E2%80%AE', '%EF%BB%BF', '*', '%2A', '~', ';', 'a;b=c', '@', ':', 'a:b', '%3F', '%23', '%2F', '%5C',
  '%20', '+', 'null', 'undefined', 'NaN', '[object Object]', "'%20OR%201=1--", '%27%20OR%201%3D1--', 'preview', 'PREVIEW', '%0d%0aSet-Cookie:x=1',
  'é', 'ÿÿ', `${'A'.repeat(24)}`, `${'A'.repeat(23)}`, `${'A'.repeat(25)}`, 'A'.repeat(1000), 'A'.repeat(6000), '%41'.repeat(1000),
];
const RAW_TRACKING_PATHS = [
  '/api/v1/intakes/../../etc/passwd', '/api/v1/intakes/..', '/api/v1/intakes/.', '/api/v1/intakes//', '/api/v1/intakes/a/b', '/api/v1/intakes/a/',
  '//api/v1/intakes/x', '/api/v1/./intakes/x', '/api/v1/intakes/x?y=z', '/api/v1/intakes/x#frag', '/api/v1/intakes/%2e%2e/%2e%2e/health',
  '/api/v1/intakes\\x', '/api/v1/intakes/x\\..\\..', '/api/v1/intakes/', '/api/v1/intakes/x/../../../regions', '/API/V1/INTAKES/x',
  '/api/v1/intakes;x', '/api/v1/intakes/x;jsessionid=1', '/api/v1/%69ntakes/x', '/api/v1/intakes/x%2F..%2F..',
];
const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 0, maxLength: 40 });
const pathAscii = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).filter((c) => c !== 0x2f && c !== 0x3f && c !== 0x23).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });

const querySuffix = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fuzzString.map(percentEncode), pathAscii), fc.oneof(fuzzString.map(percentEncode), pathAscii)), { minLength: 1, maxLength: 6 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '?', '?&&&', '?=', '?a', '?a[b][c][d][e][f][g][h]=1', '?__proto__[polluted]=1', '?constructor[prototype][polluted]=1', '?a[]=1&a[]=2',
      '?a[1000000]=x', '?a=%', '?%=%', '?a=%E0%A4%A', '?a=%00', `?${'a=1&'.repeat(2000)}`, `?a=${'x'.repeat(6000)}`, '?region=AM26',
      '?code=AM26&code=AM01', '?;', '?a=1;b=2', '?a=é', '?a=%ED%A0%80', '?a=\\', '?limit=-1&offset=1e999', '?sort=name;DROP%20TABLE',
    ),
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Probes: one generated request each, for one endpoint. Some need what the run has seen (tracking codes, a session).

interface Context {
  /** Tracking codes handed out by 201s so far. */
  issued: string[];
  /** A real session token of demo-wsp (revoked once a probe sends it to DELETE /auth/session). */
  sessionToken: string;
}

interface Probe {
  endpoint: string;
  build: (ctx: Context) => Wire;
}

const fixtureBodies: unknown[] = ['intakes.jsonl', 'intakes-extra.jsonl', 'intakes-edge.jsonl'].flatMap((name) => readFixture(name).map((sample) => sample.request));
const loginBodies: unknown[] = [
  { username: 'demo-admin', password: 'wrong' },
  { username: 'demo-triage', password: 'demo' },
  { username: 'demo-wsp', password: 'raden' },
  { username: 'onbekend', password: 'demo' },
  { username: 'demo-coordinator', password: '' },
];

const intakeProbe = fc.tuple(bodySpec, idempotencyKey, extraHeaders).map(([spec, key, extra]): Probe => ({
  endpoint: 'POST /api/v1/intakes',
  build: () => {
    const wire = bodyOnWire(spec, fixtureBodies, INTAKE_FIELDS);
    return { method: 'POST', path: '/api/v1/intakes', ...wire, headers: { ...extra, ...wire.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) } };
  },
}));

const previewProbe = fc.tuple(bodySpec, extraHeaders).map(([spec, extra]): Probe => ({
  endpoint: 'POST /api/v1/intakes/preview',
  build: () => {
    const wire = bodyOnWire(spec, fixtureBodies, INTAKE_FIELDS);
    return { method: 'POST', path: '/api/v1/intakes/preview', ...wire, headers: { ...extra, ...wire.headers } };
  },
}));

type CodeEdit = 'none' | 'upper' | 'lower' | 'cut' | 'extend' | 'slash' | 'space' | 'query' | 'dot' | 'nul';
const CODE_EDITS: CodeEdit[] = ['none', 'none', 'none', 'upper', 'lower', 'cut', 'extend', 'slash', 'space', 'query', 'dot', 'nul'];
function editCode(code: string, edit: CodeEdit): string {
  switch (edit) {
    case 'none':
      return code;
    case 'upper':
      return code.toUpperCase();
    case 'lower':
      return code.toLowerCase();
    case 'cut':
      return code.slice(0, -1);
    case 'extend':
      return `${code}A`;
    case 'slash':
      return `${code}/`;
    case 'space':
      return `${code}%20`;
    case 'query':
      return `${code}?trackingCode=x`;
    case 'dot':
      return `${code}/..`;
    case 'nul':
      return `${code}%00`;
  }
}

const trackingPath: fc.Arbitrary<(ctx: Context) => string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...CODE_EDITS)).map(([index, edit]) => (ctx: Context) => {
      const code = ctx.issued.length > 0 ? ctx.issued[index % ctx.issued.length] : 'AAAAAAAAAAAAAAAAAAAAAAAA';
      return `/api/v1/intakes/${editCode(code, edit)}`;
    }),
  },
  { weight: 3, arbitrary: base64url.map((code) => () => `/api/v1/intakes/${code}`) },
  { weight: 3, arbitrary: fuzzString.map((text) => () => `/api/v1/intakes/${percentEncode(text)}`) },
  { weight: 2, arbitrary: pathAscii.map((text) => () => `/api/v1/intakes/${text}`) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_SEGMENTS).map((segment) => () => `/api/v1/intakes/${segment}`) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_TRACKING_PATHS).map((path) => () => path) },
);

const trackingProbe = fc.tuple(trackingPath, querySuffix, extraHeaders).map(([path, query, headers]): Probe => ({
  endpoint: 'GET /api/v1/intakes/{trackingCode}',
  build: (ctx) => ({ method: 'GET', path: sendable(`${path(ctx)}${query}`), headers }),
}));

const loginProbe = (path: '/api/v1/auth/login' | '/api/v1/auth/session') =>
  fc
    .tuple(
      fc.oneof(
        { weight: 2, arbitrary: bodySpec },
        // Fresh random credentials: a new username each time, so the brake does not answer everything.
        { weight: 1, arbitrary: fc.record({ username: fuzzString, password: fuzzString }).map((credentials) => ({ credentials })) },
      ),
      extraHeaders,
    )
    .map(([spec, extra]): Probe => ({
      endpoint: `POST ${path}`,
      build: () => {
        const wire =
          'credentials' in spec
            ? { headers: { 'content-type': 'application/json' }, body: Buffer.from(serialize(spec.credentials), 'utf8') }
            : bodyOnWire(spec, loginBodies, LOGIN_FIELDS);
        return { method: 'POST', path, ...wire, headers: { ...extra, ...wire.headers } };
      },
    }));

/** A JWT signed with the app's own secret, with whatever header and claims the fuzzer chose (what a forger with the key would send). */
function signed(header: Record<string, unknown>, payload: unknown): string {
  const encode = (part: unknown) => Buffer.from(serialize(part), 'utf8').toString('base64url');
  const body = `${encode(header)}.${encode(payload)}`;
  return header.alg === 'none' ? `${body}.` : `${body}.${createHmac('sha256', TEST_JWT_SECRET).update(body).digest('base64url')}`;
}

const jwtHeader = fc.constantFrom<Record<string, unknown>>(
  { alg: 'HS256', typ: 'JWT' }, { alg: 'none' }, { alg: 'HS512' }, { alg: 'RS256' }, {}, { alg: 'HS256', kid: '../../etc/passwd' }, { alg: 'HS256', crit: ['x'] },
);
const now = Math.floor(Date.now() / 1000);
/** Claim values stay small: a cookie beyond Node's 16 KiB of headers gets a bare 431 from the HTTP parser. */
const claimValue = fc.oneof(nastyString, fuzzString, numberValue, rawNumber, fc.boolean(), fc.constant(null), fc.array(fuzzString, { maxLength: 3 }), fc.constant({}));
const jwtClaims = fc.record(
  {
    sub: fc.oneof(fc.uuid(), fc.constantFrom(randomUUID(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', ''), claimValue),
    ver: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1e300, 2 ** 53 + 2, 0.5), claimValue),
    iat: fc.oneof(fc.constant(now), fc.integer(), claimValue),
    exp: fc.oneof(fc.constant(now + 600), fc.constant(now - 600), fc.integer(), claimValue),
    username: claimValue,
    role: fc.oneof(fc.constantFrom('admin', 'case_worker', 'coordinator'), claimValue),
    regionCodes: claimValue,
    teams: claimValue,
  },
  { requiredKeys: [] },
);

type SessionCookie = { kind: 'none' } | { kind: 'valid' } | { kind: 'forged'; header: Record<string, unknown>; claims: unknown } | { kind: 'text'; text: string };
const sessionCookie: fc.Arbitrary<SessionCookie> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('forged' as const), header: jwtHeader, claims: jwtClaims }) },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        headerText(120).map((text) => `werkloket_session=${text}`),
        headerText(200),
        fc.constantFrom(
          'werkloket_session=', 'werkloket_session=j:{"a":1}', 'werkloket_session=j:[1,2', 'werkloket_session=s:abc.def', 'werkloket_session=%E0%A4%A',
          'werkloket_session=%00', 'werkloket_session=a.b.c', 'werkloket_session=eyJhbGciOiJub25lIn0.e30.', `werkloket_session=${'a'.repeat(7000)}`,
          'werkloket_session=x; werkloket_session=y', 'werkloket_csrf=x', '=;;=', ';', '=', 'werkloket_session', '__proto__=x', 'constructor=x',
        ),
      )
      .map((text) => ({ kind: 'text' as const, text })),
  },
);

const logoutProbe = fc.tuple(sessionCookie, fc.option(headerText(60), { nil: undefined }), fc.option(bodySpec, { nil: undefined, freq: 4 })).map(
  ([cookie, csrf, spec]): Probe => ({
    endpoint: 'DELETE /api/v1/auth/session',
    build: (ctx) => {
      const headers: Record<string, string> = {};
      if (cookie.kind === 'valid') headers.cookie = `werkloket_session=${ctx.sessionToken}`;
      if (cookie.kind === 'forged') headers.cookie = `werkloket_session=${signed(cookie.header, cookie.claims)}`;
      if (cookie.kind === 'text') headers.cookie = cookie.text;
      if (csrf !== undefined) headers['x-csrf-token'] = csrf;
      const wire = spec === undefined ? { headers: {} } : bodyOnWire(spec, loginBodies, LOGIN_FIELDS);
      return { method: 'DELETE', path: '/api/v1/auth/session', ...wire, headers: { ...headers, ...wire.headers } };
    },
  }),
);

const getProbe = (endpoint: string, paths: string[]) =>
  fc.tuple(fc.constantFrom(...paths), querySuffix, extraHeaders).map(([path, query, headers]): Probe => ({
    endpoint,
    build: () => ({ method: 'GET', path: sendable(`${path}${query}`), headers }),
  }));

const PUBLIC_PATHS = ['/api/v1/intakes', '/api/v1/intakes/preview', '/api/v1/auth/login', '/api/v1/auth/session', '/api/v1/regions', '/health', '/health/live', '/health/ready'];
/** The public paths with the methods they do not have (and a body now and then): 404s, never a crash. */
const otherMethodProbe = fc.tuple(fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'POST'), fc.constantFrom(...PUBLIC_PATHS), fc.option(bodySpec, { nil: undefined })).map(
  ([method, path, spec]): Probe => ({
    endpoint: 'other methods on public paths',
    build: () => {
      const wire = spec === undefined ? { headers: {} } : bodyOnWire(spec, fixtureBodies, INTAKE_FIELDS);
      return { method, path, ...wire };
    },
  }),
);

const probe: fc.Arbitrary<Probe> = fc.oneof(
  { weight: 54, arbitrary: intakeProbe },
  { weight: 12, arbitrary: previewProbe },
  { weight: 12, arbitrary: trackingProbe },
  { weight: 3, arbitrary: loginProbe('/api/v1/auth/login') },
  { weight: 2, arbitrary: loginProbe('/api/v1/auth/session') },
  { weight: 5, arbitrary: logoutProbe },
  { weight: 4, arbitrary: getProbe('GET /api/v1/regions', ['/api/v1/regions', '/api/v1/regions/', '/API/v1/Regions']) },
  { weight: 2, arbitrary: getProbe('GET /health', ['/health', '/health/']) },
  { weight: 2, arbitrary: getProbe('GET /health/live', ['/health/live']) },
  { weight: 2, arbitrary: getProbe('GET /health/ready', ['/health/ready']) },
  { weight: 2, arbitrary: otherMethodProbe },
);

// ---------------------------------------------------------------------------------------------------------------
// Sending and judging.

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

async function send(port: number, agent: http.Agent, wire: Wire): Promise<Answer> {
  try {
    return await sendOnce(port, agent, wire);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket) return sendOnce(port, agent, wire);
    throw error;
  }
}

function sendOnce(port: number, agent: http.Agent, wire: Wire): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...wire.headers };
    // Explicitly: Node's client would send a DELETE body with neither header, i.e. as garbage after the request.
    if (wire.body !== undefined) headers[wire.chunked ? 'transfer-encoding' : 'content-length'] = wire.chunked ? 'chunked' : String(wire.body.length);
    const outgoing = http.request({ host: '127.0.0.1', port, method: wire.method, path: wire.path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer within 30 s')));
    // A kept-alive socket the server closed meanwhile (after a 413, say) fails on reuse: the caller tries again.
    outgoing.on('error', (error) => reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket })));
    outgoing.end(wire.body);
  });
}

const TRACKING_CODE = /^[A-Za-z0-9_-]{22,}$/;
/**
 * What the pages' fallback (ServeStaticModule, apps/api/src/api.module.ts) leaves to the API. Any other path (`//api/…`)
 * is the single-page app's: index.html, or without a built dist/web (as in tests) the module's own plain 404.
 */
const API_PATH = /^\/(api|docs|health)(\/|$)/;

/** What is wrong with the answer, or null. */
function judge(wire: Wire, endpoint: string, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (/\n\s+at .+:\d+:\d+/.test(answer.text) || answer.text.includes('Internal')) return 'a stack trace or "Internal" in the body';
  if (!API_PATH.test(wire.path.split('?')[0])) return null;
  if (answer.status >= 400) {
    if (!String(answer.headers['content-type'] ?? '').startsWith('application/problem+json')) return `an error as ${answer.headers['content-type'] ?? 'no content type'}, not application/problem+json`;
    let problem: { status?: unknown; title?: unknown; errors?: unknown };
    try {
      problem = JSON.parse(answer.text) as typeof problem;
    } catch {
      return 'an error body that is not JSON';
    }
    if (problem.status !== answer.status) return `problem.status ${String(problem.status)} is not the HTTP status`;
    if (typeof problem.title !== 'string' || problem.title === '') return 'a problem without a title';
    if (answer.status === 422) {
      const errors = problem.errors;
      if (!Array.isArray(errors) || errors.length === 0) return 'a 422 without errors';
      // A field may be named "" when the body has a key "" (that is its name).
      if (!errors.every((e: { field?: unknown; message?: unknown }) => typeof e.field === 'string' && typeof e.message === 'string')) return 'a 422 error without a field';
    }
  }
  if (endpoint === 'POST /api/v1/intakes' && wire.method === 'POST' && answer.status === 201) {
    const accepted = JSON.parse(answer.text) as { trackingCode?: unknown; status?: unknown; statusUrl?: unknown };
    if (typeof accepted.trackingCode !== 'string' || !TRACKING_CODE.test(accepted.trackingCode)) return 'a 201 without a tracking code of the contract';
    if (accepted.status !== 'received' || accepted.statusUrl !== `/api/v1/intakes/${accepted.trackingCode}`) return 'a 201 unlike the contract';
  }
  if (endpoint === 'POST /api/v1/intakes' && answer.status === 200) {
    const unstored = JSON.parse(answer.text) as { trackingCode?: unknown; classification?: unknown };
    if (unstored.trackingCode !== null || typeof unstored.classification !== 'object') return 'a 200 that is not the under-16 answer';
  }
  if (endpoint === 'GET /api/v1/regions' && answer.status === 200 && (JSON.parse(answer.text) as unknown[]).length !== 35) return 'not the 35 regions';
  if (endpoint === 'GET /health/live' && answer.status !== 200) return 'liveness is not 200';
  return null;
}

function excerpt(bytes: Buffer | string | undefined, max = 300): string {
  if (bytes === undefined) return '(none)';
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return `${JSON.stringify(text.slice(0, max))}${text.length > max ? ` … (${text.length} characters)` : ''}`;
}

function report(index: number, wire: Wire, what: string, answer?: Answer): string {
  const sent = Object.fromEntries(Object.entries(wire.headers).map(([name, v]) => [name, v.length > 120 ? `${v.slice(0, 120)}… (${v.length})` : v]));
  return [
    `probe #${index} (FUZZ_SEED=${SEED}): ${what}`,
    `  ${wire.method} ${wire.path.length > 200 ? `${wire.path.slice(0, 200)}… (${wire.path.length})` : wire.path}${wire.chunked ? ' (chunked)' : ''}`,
    `  headers: ${JSON.stringify(sent)}`,
    `  body: ${excerpt(wire.body)}`,
    answer ? `  → ${answer.status} ${answer.headers['content-type'] ?? ''}: ${excerpt(answer.text, 500)}` : '  → no answer',
  ].join('\n');
}

describe('public fuzz: generated requests over every public endpoint never get a 5xx', () => {
  let t: TestApp;
  let port: number;
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const redis = new Redis(REDIS_URL);
  const counts: Record<string, Record<number, number>> = {};
  /** The slowest answers, for the summary. */
  const slowest: { ms: number; request: string }[] = [];

  /**
   * The preview allows 60 requests a minute per address and every probe comes from 127.0.0.1: after a 429 the count
   * is cleared, so valid previews keep reaching the classifier instead of the limiter. (The pattern matches the
   * limiter's key with or without the braces of a cluster hash tag around the prefix.)
   */
  let clearing: Promise<unknown> | null = null;
  const clearPreviewLimit = () =>
    (clearing ??= redis
      .keys(`*${t.queuePrefix}*previews*`)
      .then((keys) => (keys.length > 0 ? redis.del(...keys) : 0))
      .finally(() => (clearing = null)));

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    agent.destroy();
    redis.disconnect();
    await t.close();
  });

  it(`answers ≥ ${MIN_REQUESTS} generated requests below 500, every error as problem+json`, async () => {
    const session = await send(port, agent, {
      method: 'POST', path: '/api/v1/auth/session', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"username":"demo-wsp","password":"demo"}'),
    });
    expect(session.status).toBe(200);
    const sessionToken = /werkloket_session=([^;]+)/.exec(String(session.headers['set-cookie']))![1];
    const ctx: Context = { issued: [], sessionToken };

    const probes = fc.sample(probe, { seed: SEED, numRuns: REQUESTS });
    const failures: string[] = [];
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < probes.length && failures.length < 10) {
        const index = next++;
        const { endpoint, build } = probes[index];
        let wire: Wire;
        try {
          wire = build(ctx);
        } catch (error) {
          failures.push(`probe #${index} (FUZZ_SEED=${SEED}): the generator could not build it: ${(error as Error).stack ?? String(error)}`);
          continue;
        }
        let answer: Answer;
        const started = Date.now();
        try {
          answer = await send(port, agent, wire);
        } catch (error) {
          failures.push(report(index, wire, `no answer: ${(error as Error).message}`));
          continue;
        } finally {
          sent += 1;
        }
        const elapsed = Date.now() - started;
        if (slowest.length < 5 || elapsed > slowest[slowest.length - 1].ms) {
          slowest.push({ ms: elapsed, request: report(index, wire, `${elapsed} ms`, answer) });
          slowest.sort((a, b) => b.ms - a.ms).splice(5);
        }
        counts[endpoint] ??= {};
        counts[endpoint][answer.status] = (counts[endpoint][answer.status] ?? 0) + 1;
        const wrong = judge(wire, endpoint, answer) ?? (elapsed > SLOW_MS ? `slow: ${elapsed} ms` : null);
        if (wrong) failures.push(report(index, wire, wrong, answer));
        if (endpoint === 'POST /api/v1/intakes' && answer.status === 201) ctx.issued.push((JSON.parse(answer.text) as { trackingCode: string }).trackingCode);
        if (endpoint === 'POST /api/v1/intakes/preview' && answer.status === 429) await clearPreviewLimit();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    if (process.env.FUZZ_SUMMARY) writeFileSync(process.env.FUZZ_SUMMARY, JSON.stringify({ seed: SEED, sent, counts, slowest }, null, 2));
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Every public endpoint was driven, and the bulk went to the intake.
    for (const endpoint of new Set(probes.map((p) => p.endpoint))) expect(Object.values(counts[endpoint] ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(Object.keys(counts)).toHaveLength(11);
    // The generator reaches the interesting answers, not only one kind of refusal.
    const intakes = counts['POST /api/v1/intakes'];
    for (const status of [201, 400, 413, 415, 422]) expect(intakes[status] ?? 0).toBeGreaterThan(0);
    expect(counts['GET /api/v1/intakes/{trackingCode}'][200] ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('takes `contact: null` as no contact (found by this fuzzer: it was a 500 on both intake and preview)', async () => {
    const body = Buffer.from(JSON.stringify({ role: 'worker', postcode: '5611', question: 'Ik zoek ander werk.', consent: { processing: true }, contact: null }));
    const headers = { 'content-type': 'application/json' };
    const accepted = await send(port, agent, { method: 'POST', path: '/api/v1/intakes', headers, body });
    expect(accepted.status).toBe(201);
    await clearPreviewLimit();
    const preview = await send(port, agent, { method: 'POST', path: '/api/v1/intakes/preview', headers, body });
    expect(preview.status).toBe(200);
  });

  it('still takes and shows a plain intake afterwards', async () => {
    const body = Buffer.from(JSON.stringify({ role: 'jobseeker', postcode: '5038 AB', question: 'Ik zoek werk.', consent: { processing: true } }));
    const accepted = await send(port, agent, { method: 'POST', path: '/api/v1/intakes', headers: { 'content-type': 'application/json' }, body });
    expect(accepted.status).toBe(201);
    const { trackingCode } = JSON.parse(accepted.text) as { trackingCode: string };
    const status = await send(port, agent, { method: 'GET', path: `/api/v1/intakes/${trackingCode}`, headers: {} });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.text)).toMatchObject({ trackingCode, status: 'received' });
    expect((await send(port, agent, { method: 'GET', path: '/health', headers: {} })).status).toBe(200);
  });
});
