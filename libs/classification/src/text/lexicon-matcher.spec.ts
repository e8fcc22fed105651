// §6.2–§6.4 through the real ruleset lexicon: which groups a question matches, how, and whether negated.
import { describe, expect, it } from '@jest/globals';
import { RULESETS } from '../ruleset/ruleset.js';

// The text engine as ruleset 1.0.0 (rules.md §6) configures it.
const DEFAULT_RULESET = RULESETS.get('1.0.0')!;
import { analyseText } from './analyse.js';
import type { TextMatch } from './text-analysis.types.js';

const matchesOf = (question: string): TextMatch[] => analyseText(DEFAULT_RULESET.text, question).matches;

/** Non-negated groups, sorted. */
const groupsOf = (question: string): string[] =>
  [...new Set(matchesOf(question).filter((m) => !m.negated).map((m) => m.group))].sort();

/** `group:term:kind`, negated ones prefixed with `!`. */
const describeMatches = (question: string): string[] =>
  matchesOf(question).map((m) => `${m.negated ? '!' : ''}${m.group}:${m.term}:${m.kind}`);

describe('single words and inflection', () => {
  it.each([
    ['Welke opleidingen zijn er?', 'B-LLO:*opleiding:inflected'],
    ['wat zijn mijn rechte', 'M-RGT:recht:inflected'],
    ['ik heb wajong', 'T-WAJ:~wajong:exact'],
    ['twee wajongers zoeken werk', 'T-WAJ:~wajonger:inflected'],
    ['wij hebben vacatures', 'E-VAC:vacatures:exact'],
    ['I have debts', 'V-DEBT:debts:exact'],
    ['meerdere reorganisaties', 'M-THR:~reorganisatie:inflected'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('does not match a word that is only the start of a token', () => {
    expect(groupsOf('ik ben ontslagnemer')).toEqual([]);
  });
});

describe('acronyms match exact tokens only', () => {
  it.each([
    ['Ik heb WW', ['M-UNE']],
    ['Ik krijg een WGA-uitkering', ['T-DIS']],
    ['bel 113', ['CRISIS']],
  ])('%s → %j', (question, groups) => {
    expect(groupsOf(question)).toEqual(groups);
  });

  it.each([['twee wws'], ['www'], ['wsws'], ['mbos'], ['1130 euro']])('%s matches nothing', (question) => {
    expect(groupsOf(question)).toEqual([]);
  });
});

describe('compounds and ≥10-letter keywords', () => {
  it.each([
    ['bijstandsgerechtigde', 'T-PW:~bijstand*:compound'],
    ['mijn lasdiploma', 'B-LLO:*diploma:compound'],
    ['twee heftruckopleidingen', 'B-LLO:*opleiding:compound'],
    ['een loonwaardemeting', 'T-INS:loonwaarde*:compound'],
    ['de loonkostensubsidieaanvraag', 'T-INS:~loonkostensubsidie:inside'],
    ['het reorganisatieplan', 'M-THR:~reorganisatie:inside'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('a keyword shorter than 10 letters does not match inside a token', () => {
    // "opleiding" has 9 letters and is only a `*opleiding` compound end.
    expect(groupsOf('het opleidingsbudget')).toEqual([]);
    // "diploma" is `*diploma`: it matches as the end of a token, not as the start.
    expect(groupsOf('een diplomatieke oplossing')).toEqual([]);
  });
});

describe('joined pairs', () => {
  it.each([
    ['ik wil bij scholen', 'B-LLO:~bijscholen:joined'],
    ['de no-riskpolis', 'T-INS:~noriskpolis:joined'],
    ['de loon kostensubsidie', 'T-INS:~loonkostensubsidie:joined'],
    ['een arbeids beperking', 'T-DIS:~arbeidsbeperking:joined'],
    ['doelgroep registers', 'T-REG:doelgroep register:inflected'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('the keyword must reach into the second token ("bijstand en" is not "bijstanden")', () => {
    expect(describeMatches('in de bijstand en ik wil werken')).toEqual(['T-PW:~bijstand*:exact']);
  });

  it('acronyms are not formed from two tokens', () => {
    expect(groupsOf('w w')).toEqual([]);
  });

  it.each([
    ['een re-integratietraject', 'M-ZW:~reintegratie:joined'],
    ['na mijn arbeids-ongeschiktheid', 'T-DIS:~arbeidsongeschikt:joined'],
    ['een loon waardebepaling', 'T-INS:loonwaarde*:joined'],
    ['krijg ik een transitie vergoding', 'M-RGT:~transitievergoeding:fuzzy'],
  ])('a joined pair is tried like one token (compound, ≥10 letters inside, fuzzy): %s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('a compound or inside match of a joined pair must reach across the join', () => {
    expect(describeMatches('een heftruck opleiding')).toEqual(['B-LLO:*opleiding:exact']);
    expect(describeMatches('de kandidaten lijst')).toEqual(['E-VAC:kandidaten:exact']);
  });
});

describe('phrases', () => {
  it.each([
    ['mijn omzet is weggevallen', 'M-ZZP:omzet weggevallen:exact'],
    ['mijn contract wordt helaas niet verlengd', 'M-THR:contract wordt niet verlengd:exact'],
    ['twee ww-uitkeringen', 'M-UNE:ww uitkering:inflected'],
    ['ik wil ontslag te nemen', 'B-VOL:ontslag nemen:exact'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('allows at most 2 filler tokens in total', () => {
    expect(groupsOf('de omzet is echt flink weggevallen')).toEqual([]);
    expect(groupsOf('de omzet is flink weggevallen')).toEqual(['M-ZZP']);
  });

  it('only the last word may be inflected', () => {
    expect(groupsOf('sociale diensten')).toEqual(['T-PW']);
    expect(groupsOf('socialen dienst')).toEqual([]);
  });
});

describe('longest match first; matched tokens are used up', () => {
  it('"zelf ontslag nemen" hides "ontslag"', () => {
    expect(describeMatches('Ik wil zelf ontslag nemen.')).toEqual(['B-VOL:zelf ontslag nemen:exact']);
  });

  it('"ontslag genomen" hides "ontslag"', () => {
    expect(groupsOf('ik heb ontslag genomen')).toEqual(['B-VOL']);
  });

  it('"recht op" (INC) hides "recht" (M-RGT)', () => {
    expect(groupsOf('heb ik recht op een uitkering')).toEqual(['INC']);
  });

  it('"ik ben ontslagen" is M-UNE, not M-THR', () => {
    expect(groupsOf('ik ben ontslagen')).toEqual(['M-UNE']);
    expect(groupsOf('ik word ontslagen')).toEqual(['M-THR']);
  });

  it('between overlapping phrases of as many words, the longer keyword wins', () => {
    expect(describeMatches('LKV oudere werknemer')).toEqual(['E-OLD:oudere werknemer:exact', 'V-LKV:lkv:exact']);
    expect(describeMatches('een ww uitkering aanvragen')).toEqual(['INC:uitkering aanvragen:exact', 'M-UNE:ww:exact']);
  });

  it('an exact phrase beats the same words inflected ("bedrijf sluiten" is M-ZZP, not M-THR "bedrijf sluit")', () => {
    expect(groupsOf('ik wil mijn bedrijf sluiten')).toEqual(['M-ZZP']);
  });
});

describe('never-match list', () => {
  it.each([['mijn rechtsbijstandverzekering'], ['rechtsbijstand'], ['een tijdsbeperking'], ['de inperking'], ['bewerking'], ['verwerkingen']])(
    '%s matches nothing',
    (question) => {
      expect(groupsOf(question)).toEqual([]);
    },
  );
});

describe('fuzzy matching (~ keywords)', () => {
  it.each([
    ['ik zit in de bijstamd', 'T-PW:~bijstand*:fuzzy'],
    ['er komt een reorganisatei', 'M-THR:~reorganisatie:fuzzy'],
    ['ik ben bovemtallig', 'M-THR:~boventallig:fuzzy'],
    ['ik heb wajomg', 'T-WAJ:~wajong:fuzzy'],
    ['ik wil me laten omsxholex', 'B-LLO:~omscholen:fuzzy'],
    ['hulp van een jobcoahc', 'T-INS:~jobcoach:fuzzy'],
    ['krijg ik een transietvergoeding', 'M-RGT:~transitievergoeding:fuzzy'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it.each([
    ['distance 2 on a 6-letter keyword', 'ik heb wajomk'],
    ['distance 3 on a 9-letter keyword', 'ik wil me laten omsxhxlex'],
    ['a token shorter than 5 characters', 'ik heb wajn'],
    ['another first letter', 'ik heb vajong'],
    ['a keyword without ~ (beperking)', 'een beperkimg'],
    ['a keyword without ~ (cursus)', 'een cursud'],
  ])('no fuzzy match: %s', (_why, question) => {
    expect(matchesOf(question).filter((m) => m.kind === 'fuzzy')).toEqual([]);
  });

  it('listed typos match without fuzzy matching', () => {
    expect(describeMatches('zoek werk met jobcouch')).toEqual(['T-INS:jobcouch:exact']);
  });
});

describe('negation', () => {
  it.each([
    ['Ik krijg geen WW', '!M-UNE:ww:exact'],
    ['ik heb geen wajong', '!T-WAJ:~wajong:exact'],
    ['ik ben niet ontslagen', '!M-UNE:ik ben ontslagen:exact'],
    ['ik word niet ontslagen', '!M-THR:ontslagen:exact'],
    ['I do not have a disability', '!T-DIS:disability:exact'],
    ['geen werk en wajong', '!T-WAJ:~wajong:exact'],
  ])('%s → %s', (question, expected) => {
    expect(describeMatches(question)).toContain(expected);
  });

  it('looks back at most 3 tokens', () => {
    expect(describeMatches('geen werk en daarom wajong')).toEqual(['T-WAJ:~wajong:exact']);
  });

  it('stays inside the sentence', () => {
    expect(describeMatches('Geen idee. Ik heb wajong.')).toEqual(['T-WAJ:~wajong:exact']);
  });

  it('phrases with their own negator match as a whole', () => {
    expect(describeMatches('mijn contract wordt niet verlengd')).toEqual(['M-THR:contract wordt niet verlengd:exact']);
    expect(describeMatches('geen opdrachten meer')).toEqual(['M-ZZP:geen opdrachten meer:exact']);
    expect(describeMatches('valt hij onder de no risk polis')).toEqual(['T-INS:no risk polis:exact']);
  });

  it('a negator that is a word of another phrase still negates what follows it within 3 tokens', () => {
    expect(describeMatches('ik heb geen uitkering of ww')).toEqual(['INC:geen uitkering:exact', '!M-UNE:ww:exact']);
    expect(describeMatches('contract niet verlengd, ww aangevraagd')).toEqual([
      'M-THR:contract niet verlengd:exact',
      '!M-UNE:ww:exact',
    ]);
    // Four tokens away it does not.
    expect(describeMatches('ik heb geen uitkering en nu ww')).toEqual(['INC:geen uitkering:exact', 'M-UNE:ww:exact']);
  });

  it('never negates base groups, M-RGT or INC', () => {
    expect(groupsOf('ik heb geen diploma')).toEqual(['B-LLO']);
    expect(groupsOf('krijg ik geen transitievergoeding?')).toEqual(['M-RGT']);
    expect(describeMatches('ik heb geen recht op ww')).toEqual(['INC:recht op:exact', '!M-UNE:ww:exact']);
  });

  it('negates E-SICK and E-OLD', () => {
    expect(describeMatches('het is geen zieke werknemer')).toEqual(['!E-SICK:zieke werknemer:exact']);
    expect(describeMatches('wij zoeken geen oudere werknemer')).toContain('!E-OLD:oudere werknemer:exact');
  });
});

describe('vso is ambiguous', () => {
  it('reads as school by default', () => {
    expect(groupsOf('Ik zit op het vso.')).toEqual(['T-SCH']);
  });

  it.each([
    ['Mijn werkgever wil dat ik een vso teken.'],
    ['Moet ik de vso tekenen?'],
    ['Ik kreeg een vso bij mijn ontslagbrief.'],
    ['Is deze vso een goede overeenkomst?'],
  ])('reads as vaststellingsovereenkomst next to ontslag*/werkgever/tekenen/overeenkomst: %s', (question) => {
    expect(groupsOf(question)).toContain('M-RGT');
    expect(groupsOf(question)).not.toContain('T-SCH');
  });

  it('only the same sentence counts', () => {
    expect(groupsOf('Ik zit op het vso. Mijn werkgever is aardig.')).toEqual(['T-SCH']);
  });
});

describe('normalisation in matching', () => {
  it('strips diacritics and apostrophes', () => {
    expect(groupsOf('Reïntegratie na ziekte')).toEqual(['M-ZW']);
    expect(groupsOf('Ik heb een carrièreswitch nodig')).toEqual(['B-VOL']);
  });

  it('splits on hyphens', () => {
    expect(groupsOf('STAP-budget')).toEqual(['B-STAP']);
  });
});
