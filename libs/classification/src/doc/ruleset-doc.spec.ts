import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { RULESETS } from '../ruleset/ruleset.js';
import { describeCondition, renderRulesetDoc } from './ruleset-doc.js';

describe('the beleidstheorie document', () => {
  it.each([...RULESETS.keys()])('rulesets/%s.md is up to date (run `npm run rules:doc` after changing the ruleset)', (version) => {
    const committed = readFileSync(new URL(`../../rulesets/${version}.md`, import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesetDoc(RULESETS.get(version)!.definition));
  });

  it('names every rule with its reasons, and every concept', () => {
    const def = RULESETS.get('2.0.0')!.definition;
    const doc = renderRulesetDoc(def);
    for (const rule of def.rules) {
      expect(doc).toContain(`#### ${rule.id}`);
      expect(doc).toContain(rule.reason.nl);
    }
    for (const group of def.lexicon) expect(doc).toContain(`### ${group.id}:`);
  });

  it('writes conditions in words', () => {
    expect(describeCondition({ kind: 'all', of: [{ kind: 'field', path: 'person.benefit', values: ['bijstand'] }, { kind: 'not', of: { kind: 'matched', rules: ['P1'] } }] })).toBe(
      'all of [`person.benefit` = `bijstand`; not (rule P1 fired)]',
    );
  });
});
