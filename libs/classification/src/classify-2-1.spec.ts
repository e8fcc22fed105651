// Ruleset 2.1.0: what 2.0.0 missed in questions written blind (by people who had not read the rules), each read
// the way a case worker would notice it: the question reaches a human at once, or the right team.
import { describe, expect, it } from '@jest/globals';
import { defaultLabelledFiles, readLabelledIntakes } from '../../../scripts/labelled-intakes.js';
import { RULESETS, classify, compareRulesetVersions, expectationUnder, type ClassificationResult, type IntakeFacts } from './index.js';

const MONTH = '2026-12';

function ask(question: string, version = '2.1.0', role: IntakeFacts['role'] = 'jobseeker'): ClassificationResult {
  return classify({ role, country: 'NL', question, consent: { processing: true } }, { referenceMonth: MONTH, ruleset: RULESETS.get(version)! });
}

const isCrisis = (result: ClassificationResult): boolean => result.referrals.includes('crisis_113') && result.urgent && result.route === 'triage';

describe('ruleset 2.1.0: crisis signs that 2.0.0 did not read', () => {
  it.each([
    // Being a burden, said in Dutch.
    'Hoe zeg ik mijn baan op? Het maakt niet meer uit, ik wil niemand meer tot last zijn.',
    'Ik wil niemand langer tot last zijn, dat is het beste.',
    // Affairs arranged.
    'Mijn zaakjes zijn geregeld, dan weet je dat.',
    // A weapon, or harm threatened against others.
    'mijn collega zegt dat hij iedereen op de afdeling wat aan gaat doen als hij ontslagen wordt',
    'Hij had het over een mes. We zitten midden in een reorganisatie.',
    'mijn teamleider neemt een pistool mee naar het werk',
    'een collega wil de baas neersteken als hij zijn contract niet verlengt',
    'my boss came at me with a knife last week',
    // Violence told without "me", a death threat, threats against one's children.
    'Mijn man wordt boos als ik over werk begin en dan slaat hij.',
    'Als ik ga werken maakt hij me dood, zegt mijn vriend.',
    'Mijn baas heeft gedreigd dat ik wel zie wat er met mijn kinderen gebeurt als ik naar de vakbond stap.',
    // Standing by the railway or on a roof; a farewell prepared; a planned death; a day after which one is gone.
    'Gisteren heb ik een uur bij het spoor gestaan. Ik weet niet meer hoe het verder moet.',
    'ik sta nu op het dak van de flat en bel jullie',
    'Mijn afscheid is al voorbereid, de kat gaat naar mijn zus.',
    'Wat gebeurt er met mijn uitkering als ik overlijd? Ik heb er lang over nagedacht.',
    'Over een week ben ik er niet meer, wil mijn ww stoppen.',
    // Threats: a stab announced, a stalker, harm promised by a partner.
    'Morgen steek ik hem neer als hij weer begint.',
    'Mijn ex stuurt berichten: ik weet waar je woont.',
    'hij zegt dat hij me iets aandoet als ik ga werken',
    // An attempt just made, hopelessness, sexual violence, a stalker, a farewell mail, in English too.
    'Ik kom net uit het ziekenhuis na een poging, moet ik dat aan mijn werkgever vertellen?',
    'ik denk steeds: waarom zou ik nog.',
    'Mijn collega heeft me aangerand en nu durf ik niet meer naar het werk.',
    'Hij zegt dat hij me weet te vinden als ik opzeg.',
    'I lost my job and I keep thinking about ending it.',
    'Het was fijn jullie gekend te hebben, zorg goed voor elkaar.',
    // A goodbye followed by silence, a death threat with fire, head-banging, passports held, violence in English.
    "Hij stuurde vannacht 'sorry voor alles, dit was de laatste keer' en neemt sindsdien niet op.",
    'Mijn ex zei dat hij het huis in brand steekt met mij erin.',
    'Hij zei dat hij me afmaakt als ik niet terugkom.',
    'Ik sla mijn hoofd tegen de muur als het te veel wordt.',
    'De baas heeft onze paspoorten en we mogen niet weg.',
    'The boss hit my friend yesterday in the warehouse.',
    // A letter ready, a will changed, a dose counted, a pistol held, a boss who calls the police if one leaves.
    'Gisteravond heb ik een brief voor mijn ouders geschreven en die ligt klaar.',
    'Ik heb mijn testament aangepast en de wachtwoorden in een envelop gelegd.',
    'Ik reken steeds uit hoeveel ik nodig zou hebben uit de medicijnkast.',
    'Ik heb het pistool van mijn vader uit de kast gehaald en even vastgehouden.',
    'Ik werk zonder papieren en mijn baas zegt: als ik stop belt hij de politie.',
    // Pills laid out, wrists opened, a level crossing, a date fixed with words for everyone, a hand-breaking threat.
    'Ik heb de pillen al drie keer klaargelegd en weer teruggezet.',
    'ik heb mijn polsen opengehaald en de hechtingen zitten er nog in',
    'ik sta soms bij de overweg als de bomen dichtgaan en denk dan even na',
    'Ik heb opgeschreven wat ik iedereen nog wil zeggen en de datum staat vast.',
    'Ze zeggen als ik naar de vakbond ga dan breken ze mijn handen.',
    // A bridge is a means (2.0.0 counted it a job word), a dose looked up, a weapon against oneself, abuse, a baby's milk.
    'Hij belde vanaf de brug over het kanaal en zegt dat hij springt.',
    'Gisteren heb ik opgezocht hoeveel paracetamol je nodig hebt.',
    'Ik heb nog een wapen thuis en denk vaak aan het tegen mezelf gebruiken.',
    'ik ben weggelopen omdat mijn stiefvader aan me zit',
    'Hij zei in het verzuimgesprek dat hij het weekend niet gaat halen.',
  ])('%s', (question) => {
    expect(isCrisis(ask(question))).toBe(true);
    expect(isCrisis(ask(question, '2.0.0'))).toBe(false);
  });

  it.each([
    'ik wil de gemeente niet langer tot last zijn, ik wil van de bijstand af',
    'ik heb last van mijn rug en wil ander werk',
    'Veel mensen zitten thuis en ik wil daar iets aan doen, ik wil mensen helpen',
    'ik ben slager en werk de hele dag met een mes, ik wil omscholen tot vrachtwagenchauffeur',
    'ik wil bij defensie werken, ik heb een vraag over wapens en de keuring',
    'Ik werk bij een bedrijf dat messen maakt en word ontslagen.',
    'Dat slaat nergens op, mijn uitkering is gestopt.',
    'Het slaat op mijn vorige vraag over de WW.',
    'hij slaat de plank mis met dat advies van het uitzendbureau',
    'Mijn werkgever dreigt met ontslag als ik niet op zaterdag kom.',
    'Ik werk als machinist bij de NS en wil omscholen, ik sta de hele dag op het perron.',
    'Mijn werkgever wil een kopie van mijn paspoort, mag dat?',
    'Vanaf 1 maart ben ik er niet meer, mijn contract stopt.',
    'Ik heb mijn afscheid van het bedrijf voorbereid met een speech.',
    'Ik sta vaak op het dak, ik ben dakdekker en zoek ander werk.',
    'Wat gebeurt er met mijn pensioen als ik overlijd?',
    'ik werk in de zorg en moet pillen uitdelen, kan ik omscholen?',
    'ik heb advies gegeven aan jonge schilders, of raak ik dan alles kwijt?',
    'Mijn collega dreigt met een klacht bij HR over mijn rooster.',
    'Wij willen een poging doen om iemand uit de bijstand aan te nemen.',
    'waarom zou ik nog solliciteren als niemand reageert',
    'ik ben niet van plan om nog lang bij dit bedrijf te zijn',
    'Ik ben verpleegkundige en verzorg littekens en wonden, kan ik omscholen?',
    'Ik stop als stukadoor en geef mijn gereedschap weg, moet ik dat melden?',
    'The crisis hit my company hard, can I get a subsidy?',
    // 'mij' is matched exactly now: "dreigt mij" no longer reads "dreigt anders mijn contract".
    'Kan mijn baas mij dwingen om over te werken? Hij dreigt anders mijn contract niet te verlengen.',
    'Mijn bedrijf is dood, na corona nooit meer opgekrabbeld. Ik wil weer in loondienst.',
    'wollah ik ben dood moe van stage zoeken, niemand reageert',
    'Mag mijn werkgever verbieden dat ik een mes meeneem voor mijn lunch? Om een appel te snijden.',
    'Mijn startdatum staat vast, ik heb iedereen op mijn oude werk afscheid gegeven.',
  ])('raises no alarm over everyday wording: %s', (question) => {
    expect(isCrisis(ask(question))).toBe(false);
  });

  it('still answers a crisis with the crisis line, whatever the role', () => {
    const employer = ask('Ik wilde vragen naar loonkostensubsidie, maar ik wil niemand meer tot last zijn.', '2.1.0', 'employer');
    expect(employer).toMatchObject({ route: 'triage', urgent: true });
    expect(employer.referrals).toContain('crisis_113');
  });
});

describe('ruleset 2.1.0 on the blind sets it was tuned on (test/corpus/blind.jsonl, sets 1 to 8)', () => {
  const blind = readLabelledIntakes(defaultLabelledFiles().find((file) => file.endsWith('/blind.jsonl'))!)
    // Sets 10, 11, 13 and 14 were written for 2.2.0 (classify-2-2.spec.ts).
    .filter((q) => /^BL[1-8]-/.test(q.id));
  // The whole request, as the loket (and `npm run eval`) classifies it: an employer's request type included.
  const answered = blind.map((q) => ({ q, result: classify(q.facts, { referenceMonth: MONTH, ruleset: RULESETS.get('2.1.0')! }) }));

  // The misses and alarms left are named here, so that any change in them (a regression, or a fix) is seen.
  it('sends every crisis and emergency to a human today, but for six it cannot read', () => {
    const missed = answered.filter(({ q, result }) => q.expect.urgent && !result.urgent).map(({ q }) => q.id);
    const crisisWithoutLine = answered.filter(({ q, result }) => q.expect.crisis && !result.referrals.includes('crisis_113')).map(({ q }) => q.id);
    expect(answered.filter(({ q }) => q.expect.urgent).length).toBeGreaterThanOrEqual(296);
    // A veiled threat ("hij zal merken hoe het is om alles kwijt te raken"); a life insurance as the family's only
    // rescue, next to the firm's payroll; driving at night looking at the trees by the dike; "één stap te ver zou
    // niet erg zijn" on a scaffold; money only "als ik doe wat hij zegt, ook met andere mannen"; "stop ik ermee. Niet
    // met solliciteren bedoel ik, met leven" (the sentence names the job search, which the life signal leaves out).
    const unread = ['BL3-c011', 'BL3-c015', 'BL5-e018', 'BL6-f076', 'BL8-h015', 'BL8-h055'];
    expect(missed).toEqual(unread);
    expect(crisisWithoutLine).toEqual(unread);
  });

  it('raises an alarm on an ordinary question only where violence, a threat or an eviction is named', () => {
    // A colleague hit in the canteen last week, a guard threatened by customers, "bang dat hij nooit meer werk
    // vindt", an eviction three months away, "sta ik ook op straat, figuurlijk dan", "he'll kill me (joke)",
    // "ik zie het niet meer zitten met die sollicitatieplicht", "mijn baas vermoordt me", a domestic-violence
    // protocol, an old conviction for assault (twice), a colleague's suicide months ago, a coach preparing
    // referrals, "ik zie het even niet meer zitten met al die afwijzingen", homeless last year, "ik wil dood van deze
    // collega 😂", leave after a brother's suicide, self-harm treated years ago, a fight already settled: a human
    // looks, at the cost of a call.
    expect(answered.filter(({ q, result }) => !q.expect.urgent && result.urgent).map(({ q }) => q.id)).toEqual([
      'BL3-c022',
      'BL3-c045',
      'BL3-c070',
      'BL3-c094',
      'BL4-d091',
      'BL5-e003',
      'BL5-e014',
      'BL5-e023',
      'BL5-e044',
      'BL5-e059',
      'BL5-e064',
      'BL5-e080',
      'BL6-f068',
      'BL6-f097',
      'BL7-g024',
      'BL7-g054',
      'BL7-g058',
      'BL7-g073',
      'BL7-g079',
      'BL7-g091',
      'BL7-g098',
      'BL8-h013',
      'BL8-h017',
      'BL8-h069',
      'BL8-h072',
      'BL8-h075',
    ]);
  });
});

describe('ruleset 2.1.0: no food in the house', () => {
  it.each([
    'We hebben al twee dagen niks gegeten, de kinderen hebben honger. Ik wil werken maar wat nu?',
    'sinds de uitkering gestopt is hebben we bijna niks gegeten',
    'ik heb honger en geen geld, kan ik vandaag iemand spreken over werk?',
    'We hebben twee dagen niet gegeten en er zijn geen luiers meer.',
  ])('is urgent, with the gemeente, and a human today: %s', (question) => {
    const result = ask(question);
    expect(result).toMatchObject({ route: 'triage', urgent: true });
    expect(result.referrals).toContain('gemeente');
    expect(result.firedRules).toContain('G10');
    expect(ask(question, '2.0.0').urgent).toBe(false);
  });

  it.each(['ik heb honger naar een nieuwe uitdaging in de logistiek', 'de kantine heeft geen eten voor de nachtdienst, mag dat?'])(
    'but hunger for a challenge or a canteen question is not: %s',
    (question) => {
      expect(ask(question).urgent).toBe(false);
    },
  );
});

describe('ruleset 2.1.0: statushouders', () => {
  it.each([
    'ik ben 2 jaar in nederland, ik heb status. in syrie ik was elektricien. ik wil werken maar mijn nederlands is niet goed',
    'Statushouder sinds vorig jaar, ik zoek werk als kapper',
    'I have status since 2 years and I want to work as a welder',
  ])('go to the werkbedrijf with the gemeente as referral: %s', (question) => {
    expect(ask(question)).toMatchObject({ level: 'top', route: 'werkbedrijf' });
    expect(ask(question).referrals).toContain('gemeente');
    expect(ask(question, '2.0.0').route).not.toBe('werkbedrijf');
  });

  it('an employer recruiting statushouders stays with the WSP', () => {
    expect(ask('Wij willen graag statushouders aannemen in onze bakkerij, hoe pakken we dat aan?', '2.1.0', 'employer')).toMatchObject({ route: 'wsp', level: 'top' });
  });
});

describe('ruleset 2.1.0: everyday wording for the right team', () => {
  it.each([
    ['worker', 'Ik zit al 15 jaar bij de sociale werkplaats en hoor dat die dichtgaat. Wat nu?', 'werkbedrijf'],
    ['jobseeker', 'Ik krijg uitkering van gemeente en wil werken als schoonmaker.', 'werkbedrijf'],
    ['worker', 'ik doe vrijwilligerswerk met behoud van uitkering bij de voedselbank maar wil betaald werk', 'werkbedrijf'],
    ['worker', 'Ik werk op de personeelsafdeling van een bouwbedrijf; hoe kunnen wij een jongere met een beperking aannemen?', 'wsp'],
    ['worker', 'Ik ben accountant en denk aan zij-instroom als docent economie, hoe werkt dat?', 'mobiliteitsteam'],
    ['jobseeker', 'Wanneer is de milieustraat open?', 'none'],
    ['jobseeker', 'Wij willen trouwen, waar moeten we zijn?', 'none'],
  ] as const)('%s: %s → %s', (role, question, route) => {
    expect(ask(question, '2.1.0', role).route).toBe(route);
    expect(ask(question, '2.0.0', role).route).not.toBe(route);
  });
});

describe('ruleset versions', () => {
  it('orders versions by number, not by text', () => {
    expect(['2.10.0', '1.0.0', '2.9.1', '2.1.0'].sort(compareRulesetVersions)).toEqual(['1.0.0', '2.1.0', '2.9.1', '2.10.0']);
  });

  it('applies every policy change made up to a version, the latest last', () => {
    const base = { route: 'wsp', urgent: false };
    const changes = { '2.0.0': { urgent: true }, '2.1.0': { route: 'werkbedrijf' }, '3.0.0': { urgent: false } };
    expect(expectationUnder(base, changes, '1.0.0')).toEqual({ route: 'wsp', urgent: false });
    expect(expectationUnder(base, changes, '2.0.0')).toEqual({ route: 'wsp', urgent: true });
    expect(expectationUnder(base, changes, '2.1.0')).toEqual({ route: 'werkbedrijf', urgent: true });
    expect(expectationUnder(base, changes, '3.0.0')).toEqual({ route: 'werkbedrijf', urgent: false });
  });
});
