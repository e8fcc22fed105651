import { describe, expect, it } from '@jest/globals';
import type { ClassificationResult } from '#libs/classification';
import { effectiveClassification, overrulesAutomatic } from './effective-classification.js';

const automatic: ClassificationResult = {
  level: 'middle',
  route: 'mobiliteitsteam',
  secondaryRoutes: [],
  referrals: ['uwv'],
  reasons: [{ rule: 'P12', text: 'Recent werkloos of WW-uitkering: snel terug naar werk.' }],
  rulesetVersion: '1.0.0',
  language: 'nl',
  firedRules: ['P12'],
  urgent: false,
  consentToConfirm: false,
  contradiction: false,
};

describe('effectiveClassification', () => {
  it('keeps the automatic classification when nobody decided', () => {
    expect(effectiveClassification(automatic, null)).toBe(automatic);
  });

  it('shows the person’s level and route, keeps the rule reasons and adds that a person decided', () => {
    const result = effectiveClassification(automatic, { level: 'top', route: 'werkbedrijf', secondaryRoutes: ['werkbedrijf', 'mobiliteitsteam'] });
    expect(result).toMatchObject({ level: 'top', route: 'werkbedrijf', secondaryRoutes: ['mobiliteitsteam'], referrals: ['uwv'] });
    expect(result.reasons.map((r) => r.rule)).toEqual(['P12', 'MANUAL']);
    expect(result.reasons[1].text).toMatch(/medewerker/);
  });

  it('explains the decision in English for an English question', () => {
    const result = effectiveClassification({ ...automatic, language: 'en' }, { level: 'base', route: 'mobiliteitsteam', secondaryRoutes: [] });
    expect(result.reasons[1].text).toMatch(/staff/);
  });
});

describe('overrulesAutomatic', () => {
  it.each([
    ['same level and route', { level: 'middle', route: 'mobiliteitsteam' }, automatic, false],
    ['another route', { level: 'middle', route: 'wsp' }, automatic, true],
    ['another level', { level: 'top', route: 'mobiliteitsteam' }, automatic, true],
    ['triage follows its suggestion', { level: 'middle', route: 'mobiliteitsteam' }, { level: 'middle', route: 'triage', secondaryRoutes: ['mobiliteitsteam'] }, false],
    ['triage ignores its suggestion', { level: 'middle', route: 'wsp' }, { level: 'middle', route: 'triage', secondaryRoutes: ['mobiliteitsteam'] }, true],
    ['triage decides an undetermined case', { level: 'base', route: 'mobiliteitsteam' }, { level: 'undetermined', route: 'triage', secondaryRoutes: [] }, false],
  ] as const)('%s → %s', (_name, decision, auto, expected) => {
    expect(overrulesAutomatic({ ...auto, secondaryRoutes: [...auto.secondaryRoutes] }, decision)).toBe(expected);
  });
});
