import { describe, expect, it } from '@jest/globals';
import type { IntakeFacts } from '../classification.types.js';
import { voiceChecksFor } from '../rules/role-check.js';
import { RULESETS } from '../ruleset/ruleset.js';

// The text engine as ruleset 1.0.0 (rules.md §6) configures it.
const DEFAULT_RULESET = RULESETS.get('1.0.0')!;
import { analyseText } from './analyse.js';
import type { RoleVoices } from './text-analysis.types.js';

const ALL = { employer: true, employee: true, ownBusiness: true };
const voices = (question: string): RoleVoices => analyseText(DEFAULT_RULESET.text, question, ALL).voices;

describe('employer voice (§6.5)', () => {
  it.each([
    ['Wij moeten als bedrijf acht mensen ontslaan.'],
    ['We laten tien mensen gaan.'],
    ['Wij moeten helaas afvloeien.'],
    ['We hebben ontslagen moeten vallen.'],
    ['Als werkgever willen wij iets doen.'],
    ['Onze medewerkers willen omscholen.'],
    ['Ons personeel is ziek.'],
    ['Zijn er sollicitanten voor onze vacature?'],
    ['We are hiring drivers.'],
    ['Our employees need training.'],
    ['We have to lay off 20 people.'],
    ['We will need to let go of staff.'],
    ['We must dismiss two workers.'],
  ])('%s', (question) => {
    expect(voices(question).employer).toBe(true);
  });

  it.each([
    ['Ons bedrijf gaat reorganiseren.'],
    ['Bij ons worden mensen ontslagen.'],
    ['Ik moet als bedrijf iets doen.'],
    ['Wij zijn blij. Als bedrijf doen ze het goed.'],
    ['Our company is closing.'],
    ['We laten volgend jaar tien mensen gaan.'],
  ])('not: %s', (question) => {
    expect(voices(question).employer).toBe(false);
  });
});

describe('employee voice', () => {
  it.each([
    ['Mijn baas zegt dat het slecht gaat.'],
    ['Mijn leidinggevende belde.'],
    ['Ik word binnenkort ontslagen.'],
    ['Ik ben misschien boventallig.'],
    ['My manager told me.'],
    ['I was laid off last week.'],
    ['I am being fired.'],
    ['I got fired.'],
  ])('%s', (question) => {
    expect(voices(question).employee).toBe(true);
  });

  it('not in a sentence about someone else', () => {
    expect(voices('De werkgever van mijn zoon zoekt mensen.').employee).toBe(false);
  });
});

describe('own-business voice', () => {
  it.each([['Ik ga mijn eigen zaak sluiten.'], ['Mijn winkel gaat failliet.'], ['Ik wil mijn onderneming opheffen.']])(
    '%s',
    (question) => {
      expect(voices(question).ownBusiness).toBe(true);
    },
  );

  it.each([['Ik ga mijn zaak sluiten en mijn personeel moet weg.'], ['Mijn bedrijf loopt goed.']])('not: %s', (question) => {
    expect(voices(question).ownBusiness).toBe(false);
  });
});

describe('which voices are checked for which role', () => {
  const facts = (role: IntakeFacts['role'], redundantStaff?: '1_19' | 'none'): IntakeFacts => ({
    role,
    country: 'NL',
    question: '',
    ...(redundantStaff ? { employer: { redundantStaff } } : {}),
    consent: { processing: true },
  });

  it.each([
    ['worker', undefined, { employer: true, employee: true, ownBusiness: false }],
    ['on_behalf', undefined, { employer: true, employee: true, ownBusiness: false }],
    ['employer', undefined, { employer: false, employee: true, ownBusiness: true }],
    ['employer', 'none', { employer: false, employee: true, ownBusiness: true }],
    ['employer', '1_19', { employer: false, employee: true, ownBusiness: false }],
  ] as const)('%s (redundantStaff %s)', (role, redundant, expected) => {
    expect(voiceChecksFor(facts(role, redundant))).toEqual(expected);
  });
});
