// Ruleset 2.2.0: crisis signs read as families rather than as phrasings, a scorecard that weighs the whole question,
// and jokes that no longer raise an alarm. Each case is written here in words of its own, not copied from a corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { defaultLabelledFiles, readLabelledIntakes, type LabelledIntake } from '../../../scripts/labelled-intakes.js';
import { RULESETS, classify, parseRuleset, type ClassificationResult, type IntakeFacts } from './index.js';

const MONTH = '2026-12';

function ask(question: string, version = '2.2.0', role: IntakeFacts['role'] = 'worker'): ClassificationResult {
  return classify({ role, country: 'NL', question, consent: { processing: true } }, { referenceMonth: MONTH, ruleset: RULESETS.get(version)! });
}

/** 2.2.0 with its scorecard silenced: only the lexicon and the sentence signals read. */
const withoutCard = (() => {
  const file = new URL('../rulesets/2.2.0.json', import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { text: { scorecards: Record<string, unknown> } };
  json.text.scorecards['crisis-words'] = { threshold: 0.5, bias: -100, weights: {} };
  return parseRuleset(json, file.pathname);
})();

const isCrisis = (result: ClassificationResult): boolean => result.referrals.includes('crisis_113') && result.urgent && result.route === 'triage';

describe('ruleset 2.2.0: crisis signs that 2.1.0 did not read', () => {
  it.each([
    // A threat of harm made conditional.
    'Ze zeiden dat ze zijn benen breken als hij niet voor vrijdag betaalt. Kan hij een voorschot op zijn loon vragen?',
    // Family hunted down.
    'De uitzendbaas weet op welke school mijn dochter zit en zei dat ik moet oppassen met klagen. Mag ik van werkgever wisselen?',
    // Locked in, kept without papers, not allowed out.
    'De eigenaar sluit ons s avonds op in de loods waar we slapen. Hoe vind ik ander werk?',
    'Mijn werkgever bewaart mijn identiteitsbewijs in zijn kluis en ik krijg het niet terug. Wat kan ik doen?',
    'Mijn zus mag het huis niet uit van haar man. Kan zij een eigen uitkering krijgen?',
    // Someone hurting themselves, in the third person.
    'Mijn zoon heeft zichzelf verwond, hij zit thuis. Kan ik zorgverlof krijgen?',
    // An ending said without the words.
    'Ik wil niet langer doorgaan. Wie krijgt mijn laatste loon?',
    'Ik ga er binnenkort een punt achter zetten. Wie krijgt mijn vakantiegeld?',
    'I dont think I will be around much longer. Can my sister get my last salary?',
    'Ik heb gegoogeld naar manieren. Mijn WW stopt volgende maand.',
    // On a bridge now; a pet handed over with care.
    'Ik zit nu boven op de brug en weet het niet meer. Mijn uitkering is gestopt.',
    'Mijn broer heeft zijn hond bij mij gebracht en gezegd dat ik er goed voor moet zorgen, nu neemt hij niet op.',
    // Violence overheard at night.
    'We horen s nachts gegil en gebonk bij de buren. De vrouw werkt bij ons in de kantine, wat kunnen we doen?',
  ])('reaches a human today: %s', (question) => {
    expect(isCrisis(ask(question))).toBe(true);
    expect(isCrisis(ask(question, '2.1.0'))).toBe(false);
  });

  it.each([
    'Gisteren zei hij dat ik niet meer thuis hoef te komen als ik mijn loon niet afgeef. Ik ben bang. Kan mijn loon naar een andere rekening?',
    'Sorry dat ik dit vraag, maar ik denk dat ik er na het weekend niet meer ben. Wie regelt mijn laatste loon?',
    'Hij zei vandaag dat hij mij weet te zitten als ik naar de vakbond ga. Ik durf niet meer naar mijn werk.',
  ])('reads what no phrase foresaw through the scorecard, under rule G2: %s', (question) => {
    const result = ask(question);
    expect(isCrisis(result)).toBe(true);
    expect(result.firedRules).toContain('G2');
    expect(isCrisis(classify({ role: 'worker', country: 'NL', question, consent: { processing: true } }, { referenceMonth: MONTH, ruleset: withoutCard }))).toBe(false);
    expect(isCrisis(ask(question, '2.1.0'))).toBe(false);
  });
});

describe('ruleset 2.2.0: hyperbole stays calm', () => {
  it.each([
    'Mijn baas vermoordt me als ik weer te laat ben haha. Telt file als overmacht?',
    'Die deadline, mijn baas vermoordt me als het niet af is lol. Mag ik overuren opnemen als verlof?',
    'Ik wil dood van die nieuwe roosters. Mag mijn werkgever elke week mijn dagen veranderen?',
    "my manager said he'll kill me if I mess up the presentation again (joke obviously). can I get training?",
  ])('a joke marker or "dood van" cancels it: %s', (question) => {
    expect(isCrisis(ask(question))).toBe(false);
    expect(isCrisis(ask(question, '2.1.0'))).toBe(true);
  });

  it.each([
    'Ik heb een brug gebouwd als ingenieur en zoek nu ander werk in de bouw.',
    'Ik ben dakdekker en sta de hele dag op het dak van een flat. Heb ik recht op een hitteregeling?',
    'Wij willen een training omgaan met agressie voor onze baliemedewerkers. Is daar subsidie voor?',
    'Ik wil stoppen met mijn webshop en in loondienst. Waar begin ik?',
  ])('an ordinary question raises no alarm: %s', (question) => {
    expect(isCrisis(ask(question))).toBe(false);
  });

  it('still reads the plain wish to die, with or without a joke elsewhere in the form', () => {
    expect(isCrisis(ask('Ik wil gewoon dood. Niemand neemt me aan.'))).toBe(true);
  });
});

describe('ruleset 2.2.0: a job wish next to a topic outside our work', () => {
  it('goes to the mobiliteitsteam with the referral for the other topic, where 2.1.0 sent it away', () => {
    const overtime = ask('Mijn werkgever betaalt mijn overuren niet uit, ik wil een andere baan zoeken.', '2.2.0', 'jobseeker');
    expect(overtime).toMatchObject({ level: 'base', route: 'mobiliteitsteam' });
    expect(overtime.referrals).toEqual(expect.arrayContaining(['leerwerkloket', 'juridisch_loket']));
    expect(ask('Mijn werkgever betaalt mijn overuren niet uit, ik wil een andere baan zoeken.', '2.1.0', 'jobseeker').route).toBe('none');
    expect(ask('Mijn vader is 66 en wil bijverdienen naast zijn pensioen. Hij was timmerman.', '2.2.0', 'on_behalf').route).toBe('mobiliteitsteam');
  });

  it('still refers a question that is only about the other topic', () => {
    expect(ask('Hoe vraag ik zorgtoeslag aan?', '2.2.0', 'jobseeker')).toMatchObject({ route: 'none', referrals: ['belastingdienst'] });
    expect(ask('Mijn rijbewijs is verlopen, waar verleng ik het?', '2.2.0', 'jobseeker')).toMatchObject({ route: 'none', referrals: ['gemeente'] });
  });

  it.each([
    'Mijn werkgever betaalt mijn loon al twee maanden te laat. Kan ik een loonvordering doen?',
    'Mijn baas wil dat ik een concurrentiebeding teken. Is dat geldig?',
    'Hoeveel weken zwangerschapsverlof heb ik en wanneer vraag ik het aan?',
  ])('refers a workers\' rights question to the Juridisch Loket at once instead of triage: %s', (question) => {
    expect(ask(question)).toMatchObject({ route: 'none', referrals: ['juridisch_loket'] });
    expect(ask(question, '2.1.0').route).toBe('triage');
  });

  it('reads a department that is abolished as a threatened job (middle level)', () => {
    expect(ask('Onze afdeling wordt volgend jaar opgeheven. Wat zijn mijn mogelijkheden?')).toMatchObject({ level: 'middle', route: 'mobiliteitsteam' });
  });
});

const read = (name: string): LabelledIntake[] => readLabelledIntakes(defaultLabelledFiles().find((file) => file.endsWith(`/${name}`))!);

const answer = (questions: readonly LabelledIntake[], version: string) =>
  questions.map((q) => ({ q, result: classify(q.facts, { referenceMonth: MONTH, ruleset: RULESETS.get(version)! }) }));

describe('ruleset 2.2.0 on the blind sets it learned from (test/corpus/blind.jsonl, sets 1 to 8, 10, 11, 13 and 14: training-set figures, pinned)', () => {
  const answered = answer(read('blind.jsonl'), '2.2.0');

  it('sends every crisis to a human today; the one urgent question it misses is a lost home months away', () => {
    expect(answered.filter(({ q }) => q.expect.crisis).length).toBe(426);
    expect(answered.filter(({ q, result }) => q.expect.crisis && !isCrisis(result)).map(({ q }) => q.id)).toEqual([]);
    expect(answered.filter(({ q, result }) => q.expect.urgent && !result.urgent).map(({ q }) => q.id)).toHaveLength(1);
  });

  it('raises an alarm on at most 31 of its 754 ordinary questions (one in twenty-four)', () => {
    const calm = answered.filter(({ q }) => q.expect.crisis === false);
    const alarms = calm.filter(({ result }) => result.referrals.includes('crisis_113'));
    expect(calm.length).toBe(754);
    expect(alarms.length).toBeLessThanOrEqual(31);
  });
});

describe('ruleset 2.2.0 on the held-out blind sets (test/corpus/holdout-blind.jsonl: never read, never learned from)', () => {
  // Figures only, as npm run eval prints them: no question of this file is named anywhere.
  const crisisCaught = (version: string): { caught: number; alarms: number } => {
    const answered = answer(read('holdout-blind.jsonl'), version);
    return {
      caught: answered.filter(({ q, result }) => q.expect.crisis && isCrisis(result)).length,
      alarms: answered.filter(({ q, result }) => q.expect.crisis === false && result.referrals.includes('crisis_113')).length,
    };
  };

  it('reads far more of the crisis questions than 2.1.0, for a few more alarms', () => {
    const before = crisisCaught('2.1.0');
    const now = crisisCaught('2.2.0');
    expect(now.caught).toBeGreaterThanOrEqual(138);
    expect(now.caught - before.caught).toBeGreaterThanOrEqual(40);
    expect(now.alarms - before.alarms).toBeLessThanOrEqual(5);
  });
});
