import { describe, expect, it } from '@jest/globals';
import { classify } from '../classify.js';
import { RULESETS } from '../ruleset/ruleset.js';

// The text engine as ruleset 1.0.0 (rules.md §6) configures it.
const DEFAULT_RULESET = RULESETS.get('1.0.0')!;
import { analyseText } from './analyse.js';

const detect = (question: string): string => analyseText(DEFAULT_RULESET.text, question).detectedLanguage;

describe('language detection (§6.6)', () => {
  it.each([
    ['Hi, I was told my job will end next month.', 'en'],
    ['I need a job', 'en'],
    ['Ik wil graag werken in de zorg.', 'nl'],
    ['Szukam pracy w magazynie od zaraz', 'other'],
    ['Я ищу работу на складе', 'other'],
    ['Job', 'nl'],
    ['', 'nl'],
    ['Hallo daar', 'nl'],
    ['the de het and', 'nl'],
    ['my job and the ik', 'en'],
    ['Zoek werk logistiek Tilburg', 'other'],
  ])('%j → %s', (question, language) => {
    expect(detect(question)).toBe(language);
  });

  it('a given language wins over detection', () => {
    const result = classify(
      { role: 'worker', country: 'NL', question: 'Ik wil omscholen.', language: 'en', consent: { processing: true } },
      { referenceMonth: '2026-11', ruleset: DEFAULT_RULESET },
    );
    expect(result.language).toBe('en');
    expect(result.referrals).toEqual(['leerwerkloket', 'win_punt']);
  });
});
