// Ruleset 2.0.0: the policy of issue 7 (crisis, housing emergencies, contradictions, health in the person's own
// words, language, employer voice whatever the role, double negation), each as a user would notice it.
import { describe, expect, it } from '@jest/globals';
import { RULESETS, classify, type ClassificationResult, type IntakeFacts, type PersonFacts } from './index.js';

const MONTH = '2026-11';

function ask(question: string, person: PersonFacts = {}, extra: Partial<IntakeFacts> = {}): ClassificationResult {
  return classify(
    { role: 'jobseeker', country: 'NL', question, person, consent: { processing: true }, ...extra },
    { referenceMonth: MONTH, ...(extra.language === undefined ? {} : {}) },
  );
}

describe('ruleset 2.0.0: crisis', () => {
  it.each([
    'ik zie het niet meer zitten',
    'Ik zie het echt niet meer zitten sinds mijn ontslag',
    'suïcidale gedachten sinds ik ontslagen ben',
    'soms denk ik dat iedereen beter af is zonder mij',
    'ik denk erover om er een eind aan te maken',
    'Ik heb al een afscheidsbrief geschreven.',
    'misschien moet ik gewoon voor de trein springen',
    'het liefst zou ik gewoon niet meer wakker worden',
    'ik wil er niet meer zijn',
    'zelfmoort',
    "I don't want to live anymore",
    'Sometimes I think my family would be better off without me',
    'I want to kill myself',
    'mijn vriend slaat me als ik thuiskom',
  ])('%j gets crisis_113, urgent and a human at triage', (question) => {
    const result = ask(`${question}. Ik zoek werk in de zorg.`);
    expect(result.referrals).toContain('crisis_113');
    expect(result.urgent).toBe(true);
    expect(result.route).toBe('triage');
  });

  it('keeps the team the rules chose as the secondary route', () => {
    const result = ask('Ik zit in de bijstand en zie het niet meer zitten.');
    expect(result).toMatchObject({ level: 'top', route: 'triage', secondaryRoutes: ['werkbedrijf'], urgent: true });
    expect(result.referrals).toEqual(['gemeente', 'crisis_113']);
  });

  it('never goes straight to a team, also for an employer', () => {
    const result = classify(
      {
        role: 'employer',
        country: 'NL',
        question: 'Een medewerker zei dat hij er een eind aan wil maken. Hij wordt boventallig.',
        employer: { requestType: 'reorganisation' },
        consent: { processing: true },
      },
      { referenceMonth: MONTH },
    );
    expect(result).toMatchObject({ route: 'triage', urgent: true });
    expect(result.secondaryRoutes).toContain('wsp');
  });

  it('gives an under-16 the crisis line inline, storing nothing else', () => {
    const result = ask('ik ben 14 en wil dood', { ageBand: 'under_16' });
    expect(result).toMatchObject({ level: 'out_of_scope', route: 'none', urgent: true });
    expect(result.referrals).toEqual(['rmc', 'crisis_113']);
    expect(result.reasons.map((r) => r.text).join(' ')).toContain('113');
  });

  it('treats a plain work question as no crisis', () => {
    const result = ask('Ik ben het zat om steeds afgewezen te worden, ik zoek werk als lasser.');
    expect(result.urgent).toBe(false);
    expect(result.referrals).not.toContain('crisis_113');
  });
});

describe('ruleset 2.0.0: homelessness and eviction', () => {
  it.each(['Ik slaap sinds twee weken in mijn auto', 'de deurwaarder komt volgende week de sleutels halen', 'I am homeless since last month'])(
    '%j is urgent triage with the gemeente',
    (question) => {
      const result = ask(`${question}, ik zoek werk.`);
      expect(result).toMatchObject({ route: 'triage', urgent: true });
      expect(result.referrals).toContain('gemeente');
      expect(result.referrals).not.toContain('crisis_113');
    },
  );
});

describe('ruleset 2.0.0: contradictions', () => {
  it('lets the text decide when a ticked "no" contradicts it, and says so', () => {
    const result = ask('de fabriek gaat dicht, iedereen eruit', { dismissalRisk: 'no', situation: 'employed' }, { role: 'worker' });
    expect(result).toMatchObject({ level: 'middle', route: 'mobiliteitsteam', contradiction: true });
    expect(result.reasons.find((r) => r.rule === 'K1')?.text).toMatch(/^U vulde in: geen dreigend ontslag; uw vraag noemt/);
    expect(result.firedRules).not.toContain('F1');
  });

  it('does not see a contradiction when the text itself says the job stays', () => {
    const result = ask('Er is een reorganisatie, maar mijn baan blijft. Ik wil me bijscholen.', { dismissalRisk: 'no', situation: 'employed' });
    expect(result).toMatchObject({ level: 'base', contradiction: false });
  });

  it('reads "ik zit in de bijstand" against a ticked "no benefit", but not a question about applying', () => {
    expect(ask('ik zit in de bijstand en zoek werk', { benefit: 'none' })).toMatchObject({ route: 'werkbedrijf', contradiction: true });
    expect(ask('Heb ik recht op bijstand?', { benefit: 'none', situation: 'unemployed' })).toMatchObject({ contradiction: false, route: 'triage' });
  });

  it('routes an employer who chose "jobseeker" to the WSP, marked for a check', () => {
    const result = ask('Wij zoeken per direct 2 bakkers en een hulp voor de winkel. Kunnen jullie iemand sturen?');
    expect(result).toMatchObject({ route: 'wsp', contradiction: true });
    expect(result.firedRules).toContain('G7');
  });
});

describe('ruleset 2.0.0: health in the person\'s own words', () => {
  it('routes "ik heb MS" like the structured field, asking for consent at first contact', () => {
    const result = ask('Ik heb MS en zoek aangepast werk.');
    expect(result).toMatchObject({ level: 'top', route: 'werkbedrijf', consentToConfirm: true });
  });

  it('does not ask again when the consent box was ticked', () => {
    const result = ask('Ik heb MS en zoek aangepast werk.', {}, { consent: { processing: true, specialCategoryData: true } });
    expect(result).toMatchObject({ route: 'werkbedrijf', consentToConfirm: false });
  });

  it('keeps 1.0.0 strict mode for a region that chooses it', () => {
    const result = classify(
      { role: 'jobseeker', country: 'NL', question: 'Ik heb MS en zoek aangepast werk.', consent: { processing: true } },
      { referenceMonth: MONTH, routing: { healthConsent: 'strict' } },
    );
    expect(result.route).toBe('triage');
    expect(result.firedRules).toContain('H1');
    expect(result.consentToConfirm).toBe(false);
  });

  it('does not treat someone else\'s health as the person\'s own', () => {
    const result = ask('Mijn vrouw heeft MS en ik zoek daarom werk dichter bij huis.');
    expect(result).toMatchObject({ level: 'base', route: 'mobiliteitsteam', consentToConfirm: false });
  });

  it('sends a sick employee in the second track to triage, not the werkbedrijf', () => {
    const result = ask('Ik zit ziek thuis met een burn-out en mijn werkgever wil een 2e spoortraject.', {}, { role: 'worker' });
    expect(result).toMatchObject({ level: 'middle', route: 'triage', secondaryRoutes: ['mobiliteitsteam'] });
  });

  it('does not read a re-integratiebureau as health information', () => {
    const result = ask('Het re-integratiebureau stuurt me alleen vacatures van callcenters, ik zoek ander werk.');
    expect(result.consentToConfirm).toBe(false);
  });
});

describe('ruleset 2.0.0: everyday words', () => {
  it.each([
    ['ik krijg geld van de gemeente en wil werken', 'werkbedrijf'],
    ['mijn klantmanager zegt dat ik moet solliciteren', 'werkbedrijf'],
    ['mijn contract wordt niet verlengd in maart', 'mobiliteitsteam'],
    ['ze gaan mijn contract niet verlengen', 'mobiliteitsteam'],
    ['zoek werk logistiek tilburg', 'mobiliteitsteam'],
    ['na 10 jaar thuis voor de kinderen wil ik weer aan de slag', 'mobiliteitsteam'],
    ['opdrachten zijn weggevallen, ik ben zzp er', 'mobiliteitsteam'],
  ])('%j goes to %s', (question, route) => {
    expect(ask(question).route).toBe(route);
  });

  it('reads double negation as a yes', () => {
    expect(ask('het is niet zo dat ik geen Wajong heb', {}, { consent: { processing: true, specialCategoryData: true } }).route).toBe('werkbedrijf');
    expect(ask('Ik denk niet dat een reorganisatie mij raakt.', { situation: 'employed' }).level).not.toBe('middle');
  });

  it.each([
    ['Hoe doe ik mijn belastingaangifte?', 'belastingdienst'],
    ['Mijn huur gaat omhoog, mag dat?', 'juridisch_loket'],
    ['de vuilnis is al 2 weken niet opgehaald', 'gemeente'],
  ])('%j is out of scope with a referral to %s', (question, referral) => {
    expect(ask(question)).toMatchObject({ level: 'out_of_scope', route: 'none', referrals: [referral] });
  });
});

describe('ruleset 2.0.0: language', () => {
  it('reads informal Dutch as Dutch', () => {
    expect(ask('zoek werk logistiek tilburg').language).toBe('nl');
  });

  it('answers in English without sending every English writer to the WIN-punt', () => {
    const result = ask('I lost my job at the distribution center and need a new job.');
    expect(result.language).toBe('en');
    expect(result.referrals).not.toContain('win_punt');
    expect(result.reasons[0].text).toMatch(/[A-Za-z]/);
    expect(result.reasons.every((r) => !/ de het /.test(r.text))).toBe(true);
  });

  it('refers labour migrants to the WIN-punt', () => {
    const result = ask('I came to the Netherlands to work through an agency from Poland and lost my job.');
    expect(result.referrals).toContain('win_punt');
  });
});

describe('shipped rulesets', () => {
  it('keeps 1.0.0 available with its own answers', () => {
    const facts: IntakeFacts = { role: 'jobseeker', country: 'NL', question: 'ik zie het niet meer zitten', consent: { processing: true } };
    const old = classify(facts, { referenceMonth: MONTH, ruleset: RULESETS.get('1.0.0')! });
    const now = classify(facts, { referenceMonth: MONTH });
    expect(old).toMatchObject({ rulesetVersion: '1.0.0', urgent: false });
    expect(now).toMatchObject({ rulesetVersion: '2.2.0', urgent: true });
  });
});
