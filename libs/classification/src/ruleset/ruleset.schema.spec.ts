// The ruleset file is validated at load: a bad file fails with one error naming the file and each bad path.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { classify } from '../classify.js';
import { RULE_IDS, RULESET_VERSION } from '../index.js';
import { DEFAULT_RULESET, RULESETS, loadRuleset, parseRuleset } from './ruleset.js';
import { RulesetError } from './ruleset.types.js';

const RULESET_FILE = fileURLToPath(new URL('../../rulesets/1.0.0.json', import.meta.url));
type Json = Record<string, unknown> & { rules: (Record<string, unknown> & { id: string })[] };
const original = (): Json => JSON.parse(readFileSync(RULESET_FILE, 'utf8')) as Json;
const ruleById = (data: Json, id: string): Record<string, unknown> => data.rules.find((r) => r.id === id)!;
const dir = mkdtempSync(join(tmpdir(), 'werkloket-ruleset-'));

function writeRuleset(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function loadError(name: string, mutate: (data: Json) => void): RulesetError {
  const data = original();
  mutate(data);
  const file = writeRuleset(name, JSON.stringify(data));
  try {
    loadRuleset(file);
  } catch (error) {
    if (error instanceof RulesetError) return error;
    throw error;
  }
  throw new Error('expected a RulesetError');
}

describe('the shipped rulesets', () => {
  it('loads 1.0.0 from its file and matches the compiled one', () => {
    const loaded = loadRuleset(RULESET_FILE);
    expect(loaded.version).toBe('1.0.0');
    expect(loaded.ruleIds).toEqual(RULESETS.get('1.0.0')!.ruleIds);
  });

  it('uses 2.2.0 by default', () => {
    expect(RULESET_VERSION).toBe('2.2.0');
    expect(DEFAULT_RULESET.version).toBe('2.2.0');
    expect(RULE_IDS).toEqual(DEFAULT_RULESET.ruleIds);
  });

  it('lists every rule id of 1.0.0 in table order', () => {
    expect(RULESETS.get('1.0.0')!.ruleIds).toEqual([
      'G4', 'G3', 'G5', 'G7',
      'W1', 'W1b', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7',
      'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8',
      'P10', 'P11', 'P12', 'P13', 'P14', 'P15',
      'P20', 'P21', 'P22', 'P23', 'P24', 'P25',
      'C1', 'C2',
      'V1', 'V2', 'V3', 'V4', 'V5', 'L1', 'L2',
      'G1', 'G8', 'F1',
      'H1', 'G2',
    ]);
  });

  it('has a Dutch and an English reason for every rule', () => {
    for (const rule of [...RULESETS.values()].flatMap((ruleset) => ruleset.rules)) {
      expect(rule.reason.nl.length).toBeGreaterThan(10);
      expect(rule.reason.en.length).toBeGreaterThan(10);
    }
  });

  it('can be classified with a ruleset loaded from a file', () => {
    const ruleset = loadRuleset(RULESET_FILE);
    const result = classify(
      { role: 'jobseeker', country: 'NL', question: '', person: { benefit: 'ww' }, consent: { processing: true } },
      { referenceMonth: '2026-11', ruleset },
    );
    expect(result.firedRules).toEqual(['P12']);
  });
});

describe('a bad ruleset file', () => {
  it('that is not JSON names the file', () => {
    const file = writeRuleset('broken.json', '{ "version": ');
    expect(() => loadRuleset(file)).toThrow(RulesetError);
    expect(() => loadRuleset(file)).toThrow(`Invalid ruleset file ${file}`);
    try {
      loadRuleset(file);
    } catch (error) {
      expect((error as RulesetError).code).toBe('ruleset_unreadable');
    }
  });

  it('that does not exist names the file', () => {
    expect(() => loadRuleset(join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });

  it.each<[string, (data: Json) => void, string]>([
    [
      'unknown rule id in a condition',
      (d) => {
        ruleById(d, 'W1b').when = { matched: ['W99'] };
      },
      "rules[5].when.matched[0]: unknown rule id 'W99'",
    ],
    [
      'unknown predicate',
      (d) => {
        ruleById(d, 'G7').when = { predicate: 'mind-reading' };
      },
      'rules[3].when.predicate: bad value "mind-reading"',
    ],
    [
      'bad enum value',
      (d) => {
        ruleById(d, 'P4').when = { field: 'person.benefit', in: ['bijstand', 'bijstnd'] };
      },
      'rules[15].when.in[1]: bad value "bijstnd" for person.benefit',
    ],
    [
      'missing reason text',
      (d) => {
        ruleById(d, 'P1').reason = { nl: 'Staat in het doelgroepregister.' };
      },
      'rules[12].reason.en: must be a non-empty string',
    ],
    [
      'unknown field',
      (d) => {
        ruleById(d, 'P1').when = { field: 'person.register', eq: 'yes' };
      },
      "rules[12].when.field: unknown field 'person.register'",
    ],
    [
      'unknown lexicon group',
      (d) => {
        ruleById(d, 'P22').when = { text: 'B-STEP' };
      },
      "rules[28].when.text: unknown lexicon group 'B-STEP'",
    ],
    [
      'bad referral',
      (d) => {
        ruleById(d, 'P1').referrals = ['uvw'];
      },
      'rules[12].referrals[0]: bad value "uvw"',
    ],
    [
      'bad level',
      (d) => {
        ruleById(d, 'P1').level = 'highest';
      },
      'rules[12].level: bad value "highest"',
    ],
    [
      'duplicate rule id',
      (d) => {
        ruleById(d, 'P2').id = 'P1';
      },
      "rules[13].id: duplicate rule id 'P1'",
    ],
    [
      'unknown named condition',
      (d) => {
        ruleById(d, 'P7').when = { ref: 'p7-everything' };
      },
      "rules[18].when.ref: unknown condition 'p7-everything'",
    ],
    [
      'a condition cycle',
      (d) => {
        (d.conditions as Record<string, unknown>)['register-open'] = { ref: 'p7-reg' };
      },
      'conditions.register-open: condition refers to itself (cycle)',
    ],
    [
      'an override missing from overrideOrder',
      (d) => {
        d.overrideOrder = ['G7', 'G2'];
      },
      "overrideOrder: override rule 'H1' is missing",
    ],
    [
      'a fuzzy phrase',
      (d) => {
        (d.lexicon as { terms: unknown[] }[])[0].terms.push('~beoordeling arbeidsvermogen');
      },
      "lexicon[0].terms[4]: '~' and '*' are only allowed on single words",
    ],
    [
      'an unknown property',
      (d) => {
        ruleById(d, 'P1').route2 = 'wsp';
      },
      'rules[12].route2: unknown property',
    ],
    [
      'an unknown scorecard',
      (d) => {
        ruleById(d, 'P1').when = { score: 'crisis-words' };
      },
      "rules[12].when.score: unknown scorecard 'crisis-words'",
    ],
    [
      'a scorecard threshold outside 0 to 1',
      (d) => {
        (d.text as Record<string, unknown>).scorecards = { 'crisis-words': { threshold: 1.5, bias: -1, weights: { pillen: 0.5 } } };
      },
      'text.scorecards.crisis-words.threshold: must lie between 0 and 1',
    ],
    [
      'a scorecard weighing three words at once',
      (d) => {
        (d.text as Record<string, unknown>).scorecards = { 'crisis-words': { threshold: 0.7, bias: -1, weights: { 'als ik niet': 0.5 } } };
      },
      'text.scorecards.crisis-words.weights.als ik niet: must match',
    ],
  ])('%s', (name, mutate, message) => {
    const error = loadError(`${name.replace(/\W+/g, '-')}.json`, mutate);
    expect(error.code).toBe('ruleset_invalid');
    expect(error.message).toContain(`Invalid ruleset file ${error.file}`);
    expect(error.file).toContain(dir);
    expect(error.message).toContain(message);
  });

  it('reports every problem at once', () => {
    const error = loadError('two-problems.json', (d) => {
      ruleById(d, 'P1').level = 'highest';
      ruleById(d, 'P2').reason = {};
    });
    expect(error.issues.map((i) => i.path)).toEqual(['rules[12].level', 'rules[13].reason.nl', 'rules[13].reason.en']);
  });

  it('parseRuleset validates data that is already parsed', () => {
    expect(() => parseRuleset({ version: 'one' }, 'inline.json')).toThrow(/inline\.json[\s\S]*version: 'one' does not match/);
  });
});
