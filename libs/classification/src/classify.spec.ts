import { describe, expect, it } from '@jest/globals';
import { ClassificationError, RULESETS, classify, referenceMonthOf, type IntakeFacts } from './index.js';

// The result shape of ruleset 1.0.0 (the 2.0.0 policy has its own spec, classify-2.spec.ts).
const OPTIONS = { referenceMonth: '2026-11', ruleset: RULESETS.get('1.0.0')! };

const bijstandTraining: IntakeFacts = {
  role: 'jobseeker',
  country: 'NL',
  question: 'Ik heb autisme en wil een opleiding volgen.',
  person: { benefit: 'bijstand', questionType: 'training' },
  consent: { processing: true, specialCategoryData: true },
};

describe('classify: result shape', () => {
  it('records the ruleset version, the language and the fired rules in evaluation order', () => {
    const result = classify(bijstandTraining, OPTIONS);
    expect(result).toEqual({
      level: 'top',
      route: 'werkbedrijf',
      secondaryRoutes: ['mobiliteitsteam'],
      referrals: ['gemeente', 'leerwerkloket'],
      reasons: [
        { rule: 'P4', text: 'Bijstand of IOAW/IOAZ (gemeente): doelgroep van het werkbedrijf.' },
        { rule: 'P20', text: 'Vraag over scholing, omscholing of loopbaan: Leven Lang Ontwikkelen.' },
        { rule: 'C2', text: 'Scholingsvraag wordt meegenomen als tweede spoor; advies via het leerwerkloket.' },
      ],
      rulesetVersion: '1.0.0',
      language: 'nl',
      firedRules: ['P4', 'P20', 'C2'],
      urgent: false,
      consentToConfirm: false,
      contradiction: false,
    });
  });

  it('gives English reason texts when the language is en', () => {
    const result = classify({ ...bijstandTraining, language: 'en' }, OPTIONS);
    expect(result.reasons.map((r) => r.text)).toEqual([
      'Social assistance or IOAW/IOAZ (municipality): target group of the regional werkbedrijf.',
      'Question about training, retraining or career: lifelong learning (Leven Lang Ontwikkelen).',
      'The training question is taken along as a second track; advice through the leerwerkloket.',
      'Question in English: we reply in English; the WIN-punt helps international workers.',
    ]);
    expect(result.firedRules).toEqual(['P4', 'P20', 'C2', 'L1']);
  });

  it('gives Dutch reason texts for another language', () => {
    const result = classify({ ...bijstandTraining, language: 'other' }, OPTIONS);
    expect(result.reasons.at(-1)).toEqual({
      rule: 'L2',
      text: 'Vraag in een andere taal: een medewerker neemt contact op; het WIN-punt helpt internationale werknemers.',
    });
  });

  it('never quotes the question in a reason', () => {
    const result = classify(bijstandTraining, OPTIONS);
    for (const reason of result.reasons) expect(reason.text.toLowerCase()).not.toContain('autisme');
  });

  it('lists secondary routes and referrals in contract order', () => {
    const result = classify(
      {
        role: 'worker',
        country: 'NL',
        question: 'Ik heb schulden, de bedrijfsarts belde en mijn werkgever is failliet. Wat is mijn opzegtermijn?',
        person: { targetGroupRegister: 'yes', situation: 'employed' },
        consent: { processing: true, specialCategoryData: true },
      },
      OPTIONS,
    );
    expect(result.referrals).toEqual(['uwv', 'gemeente', 'juridisch_loket', 'arbodienst']);
    expect(result.secondaryRoutes).toEqual(['mobiliteitsteam']);
  });

  it('is pure: same input, same output, input untouched', () => {
    const facts = structuredClone(bijstandTraining);
    const first = classify(facts, OPTIONS);
    expect(classify(facts, OPTIONS)).toEqual(first);
    expect(facts).toEqual(bijstandTraining);
  });

  it('rejects a malformed reference month', () => {
    expect(() => classify(bijstandTraining, { referenceMonth: '2026-13' })).toThrow(ClassificationError);
    expect(() => classify(bijstandTraining, { referenceMonth: 'november' })).toThrow(/YYYY-MM/);
  });
});

describe('referenceMonthOf (Europe/Amsterdam)', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01'],
    ['2025-12-31T23:00:00Z', '2026-01'],
    ['2025-12-31T22:59:59Z', '2025-12'],
    ['2026-06-30T22:30:00Z', '2026-07'],
    ['2026-06-30T21:59:00Z', '2026-06'],
    ['2026-10-31T23:30:00Z', '2026-11'],
  ])('%s → %s', (instant, month) => {
    expect(referenceMonthOf(new Date(instant))).toBe(month);
  });
});
