// Focused tables per rule of rules.md, run against the shipped ruleset 1.0.0 (regions may still run it): each row pins level, route, secondary routes and referrals
// (contract order) and the exact rules that fired.
import { describe, expect, it } from '@jest/globals';
import type { EmployerFacts, IntakeFacts, PersonFacts } from '../classification.types.js';
import { classify } from '../classify.js';
import { RULESETS } from '../ruleset/ruleset.js';
import type { Level, Referral, Role, Route, Team } from '../vocabulary.js';

const REFERENCE_MONTH = '2026-11';
const RULESET_1_0_0 = RULESETS.get('1.0.0')!;

interface Options {
  role?: Role;
  consent?: boolean;
  country?: IntakeFacts['country'];
  language?: IntakeFacts['language'];
}

function person(fields: PersonFacts, question = '', options: Options = {}): IntakeFacts {
  return {
    role: options.role ?? 'jobseeker',
    country: options.country ?? 'NL',
    question,
    ...(options.language ? { language: options.language } : {}),
    person: fields,
    consent: { processing: true, specialCategoryData: options.consent ?? true },
  };
}

function employer(fields: EmployerFacts, question = '', options: Options = {}): IntakeFacts {
  return {
    role: 'employer',
    country: options.country ?? 'NL',
    question,
    ...(options.language ? { language: options.language } : {}),
    employer: fields,
    consent: { processing: true, specialCategoryData: options.consent ?? false },
  };
}

type Expected = [level: Level, route: Route, secondary: Team[], referrals: Referral[], fired: string[]];
type Row = [name: string, facts: IntakeFacts, expected: Expected];

function check(facts: IntakeFacts, expected: Expected, routing?: { baseRoute: Team }): void {
  const result = classify(facts, { referenceMonth: REFERENCE_MONTH, ruleset: RULESET_1_0_0, ...(routing ? { routing } : {}) });
  expect([result.level, result.route, result.secondaryRoutes, result.referrals, result.firedRules]).toEqual(expected);
}

const table = (title: string, rows: Row[]): void => {
  describe(title, () => {
    it.each(rows)('%s', (_name, facts, expected) => check(facts, expected));
  });
};

table('guards (§4.1)', [
  ['G4 under 16', person({ ageBand: 'under_16' }, 'Ik zoek een bijbaan.'), ['out_of_scope', 'none', [], ['rmc'], ['G4']]],
  [
    'G4 stops even a crisis signal',
    person({ ageBand: 'under_16' }, 'Thuis is er geweld.'),
    ['out_of_scope', 'none', [], ['rmc'], ['G4']],
  ],
  [
    'G3 private household employer',
    employer({ requestType: 'other' }, 'Vraag over de regeling dienstverlening aan huis.'),
    ['out_of_scope', 'none', [], ['belastingdienst'], ['G3']],
  ],
  [
    'G3 is for employers only',
    person({}, 'Een vraag over dienstverlening aan huis voor mijn moeder.', { role: 'worker' }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'G5 abroad: dismissal facts are not evaluated',
    person({ dismissalRisk: 'yes' }, 'Ik woon in Duitsland en word ontslagen.', { role: 'worker', country: 'abroad' }),
    ['undetermined', 'triage', [], ['grensinfopunt'], ['G5']],
  ],
  [
    'G5 then G2',
    person({}, 'Ik ben dakloos.', { country: 'abroad' }),
    ['undetermined', 'triage', [], ['grensinfopunt'], ['G5', 'G2']],
  ],
  [
    'G3 then G2: out_of_scope becomes undetermined',
    employer({ requestType: 'other' }, 'Dienstverlening aan huis. Mijn hulp is dakloos.'),
    ['undetermined', 'triage', [], ['belastingdienst'], ['G3', 'G2']],
  ],
]);

table('employer rules (§4.3)', [
  ['W1 requestType', employer({ requestType: 'reorganisation' }), ['middle', 'wsp', ['mobiliteitsteam'], ['uwv'], ['W1']]],
  [
    'W1 redundantStaff 1_19',
    employer({ requestType: 'other', redundantStaff: '1_19' }),
    ['middle', 'wsp', ['mobiliteitsteam'], ['uwv'], ['W1']],
  ],
  [
    'W1 + W1b 20 or more',
    employer({ requestType: 'bankruptcy', redundantStaff: '20_plus' }),
    ['middle', 'wsp', ['mobiliteitsteam'], ['uwv'], ['W1', 'W1b']],
  ],
  [
    'W1 text M-THR (no V5 for an employer reading)',
    employer({ requestType: 'other' }, 'Er dreigt een faillissement.'),
    ['middle', 'wsp', ['mobiliteitsteam'], ['uwv'], ['W1']],
  ],
  ['W2 requestType only', employer({ requestType: 'vacancy_banenafspraak' }), ['top', 'wsp', [], [], ['W2']]],
  [
    'W2 loonkostensubsidie → gemeente',
    employer({ requestType: 'subsidy_or_instrument' }, 'Hoe werkt loonkostensubsidie?'),
    ['top', 'wsp', [], ['gemeente'], ['W2']],
  ],
  [
    'W2 no-riskpolis and loondispensatie → uwv',
    employer({ requestType: 'subsidy_or_instrument' }, 'Geldt de no-riskpolis of loondispensatie?'),
    ['top', 'wsp', [], ['uwv'], ['W2']],
  ],
  [
    'W2 loonwaarde, praktijkroute → gemeente',
    employer({ requestType: 'other' }, 'Wie bepaalt de loonwaarde bij de praktijkroute?'),
    ['top', 'wsp', [], ['gemeente'], ['W2']],
  ],
  [
    'W2 wsw and jobcoach name no referral',
    employer({ requestType: 'other' }, 'Kan iemand uit de wsw met een jobcoach komen?'),
    ['top', 'wsp', [], [], ['W2']],
  ],
  [
    'W2 English entries count as named',
    employer({ requestType: 'other' }, 'Is there a wage subsidy for sheltered work? Does no risk apply?', { language: 'en' }),
    ['top', 'wsp', [], ['uwv', 'gemeente'], ['W2']],
  ],
  ['W3 requestType', employer({ requestType: 'ill_or_disabled_employee' }), ['top', 'wsp', [], ['uwv', 'arbodienst'], ['W3']]],
  [
    'W3 text E-SICK',
    employer({ requestType: 'other' }, 'Hoe kan ik een zieke werknemer herplaatsen?'),
    ['top', 'wsp', [], ['uwv', 'arbodienst'], ['W3']],
  ],
  [
    'W4 E-OLD',
    employer({ requestType: 'other' }, 'Wij willen een oudere werkzoekende aannemen.'),
    ['middle', 'wsp', [], [], ['W4']],
  ],
  [
    'W4 negated E-OLD, W6 remains',
    employer({ requestType: 'other' }, 'Wij zoeken geen oudere werknemer.'),
    ['base', 'wsp', [], [], ['W6']],
  ],
  ['W5 requestType', employer({ requestType: 'staff_training' }), ['base', 'wsp', [], ['leerwerkloket'], ['W5']]],
  ['W5 E-TRN', employer({ requestType: 'other' }, 'Is er subsidie via SLIM?'), ['base', 'wsp', [], ['leerwerkloket'], ['W5']]],
  ['W6 requestType', employer({ requestType: 'vacancy_general' }), ['base', 'wsp', [], [], ['W6']]],
  [
    'W7 nothing matched',
    employer({ requestType: 'subsidy_or_instrument' }, 'Welke regelingen zijn er?'),
    ['undetermined', 'wsp', [], [], ['W7']],
  ],
  ['W7 blank question', employer({ requestType: 'other' }), ['undetermined', 'wsp', [], [], ['W7']]],
  [
    'highest level wins, W1 secondary stays',
    employer({ requestType: 'reorganisation' }, 'Kunnen we een medewerker met een arbeidsbeperking herplaatsen?'),
    ['top', 'wsp', ['mobiliteitsteam'], ['uwv', 'arbodienst'], ['W1', 'W2', 'W3']],
  ],
  [
    'G8 employer with requestType other',
    employer({ requestType: 'other' }, 'Ik heb een vraag over mijn paspoort.'),
    ['out_of_scope', 'none', [], ['gemeente'], ['G8']],
  ],
  [
    'no G8 for an employer with another requestType',
    employer({ requestType: 'subsidy_or_instrument' }, 'Een vraag over een paspoort.'),
    ['undetermined', 'wsp', [], [], ['W7']],
  ],
]);

table('person rules, top (§4.4)', [
  ['P1', person({ targetGroupRegister: 'yes' }), ['top', 'werkbedrijf', [], ['uwv'], ['P1']]],
  ['P2 wajong', person({ benefit: 'wajong' }), ['top', 'werkbedrijf', [], ['uwv'], ['P2']]],
  ['P2 wsw', person({ indication: 'wsw' }), ['top', 'werkbedrijf', [], ['gemeente'], ['P2']]],
  ['P3', person({ praktijkOrVsoSchool: 'yes' }), ['top', 'werkbedrijf', [], ['uwv'], ['P3']]],
  ['P4', person({ benefit: 'ioaw_ioaz' }), ['top', 'werkbedrijf', [], ['gemeente'], ['P4']]],
  ['P5', person({ occupationalDisability: 'yes' }), ['top', 'werkbedrijf', [], ['uwv'], ['P5']]],
  ['P6 IVA → triage', person({ benefit: 'wia_iva' }), ['top', 'triage', ['werkbedrijf'], ['uwv'], ['P6']]],
  [
    'P6 triage wins at its level',
    person({ benefit: 'wia_iva', targetGroupRegister: 'yes' }),
    ['top', 'triage', ['werkbedrijf'], ['uwv'], ['P1', 'P6']],
  ],
  ['P7 T-REG', person({}, 'Ik heb een indicatie banenafspraak.'), ['top', 'werkbedrijf', [], ['uwv'], ['P7']]],
  ['P7 T-PRR', person({}, 'Kan ik via de praktijkroute werken?'), ['top', 'werkbedrijf', [], ['gemeente'], ['P7']]],
  ['P7 T-PW, benefit absent', person({}, 'Ik zit in de bijstand.'), ['top', 'werkbedrijf', [], ['gemeente'], ['P7']]],
  ['P7 T-PW, same benefit', person({ benefit: 'bijstand' }, 'Ik zit in de bijstand.'), ['top', 'werkbedrijf', [], ['gemeente'], ['P4', 'P7']]],
  [
    'P7 T-PW silenced by benefit none',
    person({ benefit: 'none', situation: 'employed' }, 'Ik zit in de bijstand.'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'P7 T-PW silenced by benefit ww',
    person({ benefit: 'ww' }, 'Moet ik naar de bijstand?'),
    ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']],
  ],
  ['P7 T-WAJ, benefit other is open', person({ benefit: 'other' }, 'Ik heb wajong.'), ['top', 'werkbedrijf', [], ['uwv'], ['P7']]],
  [
    'P7 T-IND silenced by indication none',
    person({ indication: 'none' }, 'Ik werkte bij de sociale werkvoorziening.'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'P7 T-SCH silenced by praktijkOrVsoSchool no',
    person({ praktijkOrVsoSchool: 'no' }, 'Mijn broer zat op het praktijkonderwijs.'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'P7 T-DIS silenced by occupationalDisability no',
    person({ occupationalDisability: 'no' }, 'Ik heb geen idee wat een arbeidsbeperking is.'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'P7 T-REG silenced by targetGroupRegister no',
    person({ targetGroupRegister: 'no' }, 'Wat is het doelgroepregister?'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  ['P7 T-INS has no field and no referral', person({}, 'Ik zoek werk met een jobcoach.'), ['top', 'werkbedrijf', [], [], ['P7']]],
  [
    'P7 negated',
    person({ situation: 'employed' }, 'Ik heb geen wajong.'),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'P8 on_behalf with a disability, status unknown',
    person({ occupationalDisability: 'yes' }, '', { role: 'on_behalf' }),
    ['top', 'triage', ['werkbedrijf'], ['uwv', 'gemeente'], ['P5', 'P8']],
  ],
  [
    'P8 via text T-DIS',
    person({}, 'Mijn zoon heeft een beperking.', { role: 'on_behalf' }),
    ['top', 'triage', ['werkbedrijf'], ['uwv', 'gemeente'], ['P7', 'P8']],
  ],
  [
    'P8 not with a confirmed status',
    person({ occupationalDisability: 'yes', benefit: 'wajong' }, '', { role: 'on_behalf' }),
    ['top', 'werkbedrijf', [], ['uwv'], ['P2', 'P5']],
  ],
  [
    'P8 only for on_behalf',
    person({ occupationalDisability: 'yes' }, '', { role: 'jobseeker' }),
    ['top', 'werkbedrijf', [], ['uwv'], ['P5']],
  ],
]);

table('health-related text needs consent (§4.4, H1)', [
  [
    'T-DIS without consent: ignored, H1',
    person({}, 'Ik heb een arbeidsbeperking.', { consent: false }),
    ['undetermined', 'triage', [], [], ['F1', 'H1']],
  ],
  [
    'H1 moves the team to secondary',
    person({ questionType: 'training' }, 'Ik heb een handicap.', { consent: false }),
    ['base', 'triage', ['mobiliteitsteam'], ['leerwerkloket'], ['P20', 'H1']],
  ],
  [
    'no H1 when a structured field silenced the text',
    person({ occupationalDisability: 'no' }, 'Ik heb geen idee wat een arbeidsbeperking is.', { consent: false }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  [
    'M-ZW without consent: no P14, H1',
    person({}, 'Ik moet een tweede spoor traject doen.', { consent: false }),
    ['undetermined', 'triage', [], [], ['F1', 'H1']],
  ],
  [
    'P8 via text needs consent',
    person({}, 'Mijn zoon heeft een beperking.', { role: 'on_behalf', consent: false }),
    ['undetermined', 'triage', [], [], ['F1', 'H1']],
  ],
  [
    'T-PW is not health data',
    person({}, 'Ik zit in de bijstand.', { consent: false }),
    ['top', 'werkbedrijf', [], ['gemeente'], ['P7']],
  ],
  [
    'no H1 for an out_of_scope outcome',
    person({}, 'Ik heb een handicap en een vraag over mijn paspoort.', { consent: false }),
    ['out_of_scope', 'none', [], ['gemeente'], ['G8']],
  ],
]);

table('person rules, middle (§4.4)', [
  ['P10 dismissalRisk yes', person({ dismissalRisk: 'yes' }), ['middle', 'mobiliteitsteam', [], [], ['P10']]],
  [
    'P10 reason with risk unknown',
    person({ dismissalRisk: 'unknown', dismissalReason: 'closure' }),
    ['middle', 'mobiliteitsteam', [], [], ['P10']],
  ],
  [
    'P10 not when dismissalRisk no',
    person({ dismissalRisk: 'no', dismissalReason: 'closure', situation: 'employed' }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  ['P10 month 0 ahead', person({ dismissalMonth: '2026-11' }), ['middle', 'mobiliteitsteam', [], [], ['P10']]],
  ['P10 month 12 ahead', person({ dismissalMonth: '2027-11' }), ['middle', 'mobiliteitsteam', [], [], ['P10']]],
  ['month 13 ahead is ignored', person({ dismissalMonth: '2027-12' }), ['undetermined', 'triage', [], [], ['F1']]],
  ['P12 month 1 back', person({ dismissalMonth: '2026-10' }), ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']]],
  ['P12 month 12 back', person({ dismissalMonth: '2025-11' }), ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']]],
  ['month 13 back is ignored', person({ dismissalMonth: '2025-10' }), ['undetermined', 'triage', [], [], ['F1']]],
  ['P11 text', person({}, 'Er komt een reorganisatie.', { role: 'worker' }), ['middle', 'mobiliteitsteam', [], [], ['P11']]],
  [
    'P11 silenced by dismissalRisk no',
    person({ dismissalRisk: 'no', situation: 'employed' }, 'Er komt een reorganisatie.', { role: 'worker' }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  ['P12 benefit ww', person({ benefit: 'ww' }), ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']]],
  ['P12 text M-UNE', person({}, 'Ik ben net werkloos.'), ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']]],
  [
    'P12 text silenced by another benefit',
    person({ benefit: 'bijstand' }, 'Ik ben net werkloos.'),
    ['top', 'werkbedrijf', [], ['gemeente'], ['P4']],
  ],
  [
    'P13 self-employed role',
    person({}, 'Mijn opdrachten vallen weg.', { role: 'self_employed' }),
    ['middle', 'mobiliteitsteam', [], [], ['P13']],
  ],
  [
    'P13 situation self_employed with bbz',
    person({ situation: 'self_employed', benefit: 'bbz' }),
    ['middle', 'mobiliteitsteam', [], ['gemeente'], ['P13']],
  ],
  [
    'P13 with INC → gemeente',
    person({}, 'Geen opdrachten meer en ik kan niet rondkomen.', { role: 'self_employed' }),
    ['middle', 'mobiliteitsteam', [], ['gemeente'], ['P13']],
  ],
  [
    'P13 not for a worker',
    person({}, 'Mijn opdrachten vallen weg.', { role: 'worker' }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
  ['P14 ziektewet', person({ benefit: 'ziektewet' }), ['middle', 'triage', ['mobiliteitsteam'], ['uwv'], ['P14']]],
  [
    'P14 illness while employed',
    person({ dismissalReason: 'illness', situation: 'employed' }),
    ['middle', 'triage', ['mobiliteitsteam'], ['arbodienst'], ['P14']],
  ],
  [
    'P14 text M-ZW in a hyphenated compound: "re-integratietraject" tried joined (§6.2)',
    person({ situation: 'employed' }, 'Ik zit in een re-integratietraject.', { role: 'worker' }),
    ['middle', 'triage', ['mobiliteitsteam'], ['arbodienst'], ['P14']],
  ],
  [
    'P14 text M-ZW',
    person({}, 'Ik moet een tweede spoor traject doen.', { role: 'worker' }),
    ['middle', 'triage', ['mobiliteitsteam'], ['arbodienst'], ['P14']],
  ],
  [
    'P15 questionType',
    person({ questionType: 'dismissal_rights' }),
    ['middle', 'mobiliteitsteam', [], ['juridisch_loket'], ['P15']],
  ],
  [
    'P15 strong keyword',
    person({}, 'Hoe hoog is mijn transitievergoeding?', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], ['juridisch_loket'], ['P15']],
  ],
  ['P15 weak keyword alone', person({}, 'Wat zijn mijn rechten?', { role: 'worker' }), ['undetermined', 'triage', [], [], ['F1']]],
  [
    'P15 weak keyword after another middle rule',
    person({}, 'Ik word ontslagen, wat zijn mijn rechten?', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], ['juridisch_loket'], ['P11', 'P15']],
  ],
  [
    'P15 weak keyword after a middle triage rule',
    person({ benefit: 'ziektewet' }, 'Wat zijn mijn rechten?'),
    ['middle', 'triage', ['mobiliteitsteam'], ['uwv', 'juridisch_loket'], ['P14', 'P15']],
  ],
]);

table('person rules, base (§4.4)', [
  ['P20 questionType', person({ questionType: 'career_advice' }), ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P20']]],
  ['P21', person({ situation: 'unemployed', benefit: 'none' }), ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P21']]],
  [
    'P21 not after a top rule',
    person({ situation: 'unemployed', benefit: 'none', praktijkOrVsoSchool: 'yes' }),
    ['top', 'werkbedrijf', [], ['uwv'], ['P3']],
  ],
  [
    'P21 not after a middle rule',
    person({ situation: 'unemployed', benefit: 'none', dismissalMonth: '2026-09' }),
    ['middle', 'mobiliteitsteam', [], ['uwv'], ['P12']],
  ],
  ['P22', person({}, 'Bestaat het stapbudget nog?'), ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P22']]],
  ['P23', person({}, 'Ik wil een ander vak.', { role: 'worker' }), ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P23']]],
  ['P24', person({ ageBand: '16_17' }), ['base', 'triage', [], ['rmc'], ['P24']]],
  [
    'P24 with P20: the other base rule suggests its team',
    person({ ageBand: '16_17', questionType: 'training' }),
    ['base', 'triage', ['mobiliteitsteam'], ['leerwerkloket', 'rmc'], ['P20', 'P24']],
  ],
  ['P24 not after a top rule', person({ ageBand: '16_17', praktijkOrVsoSchool: 'yes' }), ['top', 'werkbedrijf', [], ['uwv'], ['P3']]],
  [
    'P24 below a middle rule adds its referral only',
    person({ ageBand: '16_17', dismissalRisk: 'yes' }),
    ['middle', 'mobiliteitsteam', [], ['rmc'], ['P10', 'P24']],
  ],
  [
    'P25 income question',
    person({ situation: 'unemployed', questionType: 'income' }),
    ['base', 'triage', ['mobiliteitsteam'], ['gemeente'], ['P25']],
  ],
  [
    'P25 INC text with benefit none',
    person({ situation: 'unemployed', benefit: 'none' }, 'Ik heb geen inkomen.'),
    ['base', 'triage', ['mobiliteitsteam'], ['gemeente', 'leerwerkloket'], ['P21', 'P25']],
  ],
  [
    'P25: a negator in the INC phrase "geen uitkering" also negates the WW 3 tokens later (§6.4)',
    person({ situation: 'unemployed' }, 'Ik heb geen uitkering of WW.'),
    ['base', 'triage', ['mobiliteitsteam'], ['gemeente'], ['P25']],
  ],
  [
    'P25 not when employed',
    person({ situation: 'employed', questionType: 'income' }),
    ['undetermined', 'triage', [], [], ['F1']],
  ],
]);

table('combination (§4.5)', [
  [
    'C1 top with a middle rule',
    person({ targetGroupRegister: 'yes', dismissalRisk: 'yes' }),
    ['top', 'werkbedrijf', ['mobiliteitsteam'], ['uwv'], ['P1', 'P10', 'C1']],
  ],
  [
    'C2 top with a training question',
    person({ benefit: 'bijstand', questionType: 'training' }),
    ['top', 'werkbedrijf', ['mobiliteitsteam'], ['gemeente', 'leerwerkloket'], ['P4', 'P20', 'C2']],
  ],
  [
    'C2 middle with a training question: same team, no secondary',
    person({ benefit: 'ww', questionType: 'training' }),
    ['middle', 'mobiliteitsteam', [], ['uwv', 'leerwerkloket'], ['P12', 'P20', 'C2']],
  ],
  [
    'a triage rule at a lower level only adds its team and referrals',
    person({ benefit: 'bijstand', dismissalReason: 'illness', situation: 'employed' }),
    ['top', 'werkbedrijf', ['mobiliteitsteam'], ['gemeente', 'arbodienst'], ['P4', 'P14', 'C1']],
  ],
]);

table('referral and language rules (§4.6)', [
  ['V1', person({}, 'Krijgt mijn werkgever LKV?', { role: 'worker' }), ['undetermined', 'triage', [], ['belastingdienst'], ['F1', 'V1']]],
  [
    'V2',
    person({ situation: 'unemployed', benefit: 'none' }, 'Ik heb schulden.'),
    ['base', 'mobiliteitsteam', [], ['gemeente', 'leerwerkloket'], ['P21', 'V2']],
  ],
  [
    'V3',
    person({ dismissalRisk: 'yes' }, 'De bedrijfsarts zegt dat ik moet stoppen.', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], ['arbodienst'], ['P10', 'V3']],
  ],
  [
    'V4 lives across the border, country NL',
    person({ dismissalRisk: 'yes' }, 'Ik woon in Belgie en werk in Breda.', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], ['grensinfopunt'], ['P10', 'V4']],
  ],
  [
    'V5 dismissalReason bankruptcy',
    person({ dismissalReason: 'bankruptcy' }),
    ['middle', 'mobiliteitsteam', [], ['uwv'], ['P10', 'V5']],
  ],
  [
    'V5 bankruptcy keyword',
    person({}, 'Mijn werkgever is failliet.', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], ['uwv'], ['P11', 'V5']],
  ],
  [
    'L1 English, person reading',
    person({}, 'I want to retrain as a nurse.', { role: 'worker' }),
    ['base', 'mobiliteitsteam', [], ['leerwerkloket', 'win_punt'], ['P20', 'L1']],
  ],
  ['no L1 for an employer', employer({ requestType: 'other' }, 'We are hiring drivers for the night shift.'), ['base', 'wsp', [], [], ['W6']]],
  [
    'L2 another language',
    person({}, 'Szukam pracy w magazynie od zaraz.'),
    ['undetermined', 'triage', [], ['win_punt'], ['F1', 'L2']],
  ],
]);

table('fallbacks (§4.7)', [
  ['G1 nothing filled in', person({}, '   '), ['undetermined', 'triage', [], [], ['G1']]],
  [
    'G1 with unknown / prefer_not_to_say',
    person({ ageBand: 'prefer_not_to_say', benefit: 'unknown', dismissalRisk: 'unknown' }),
    ['undetermined', 'triage', [], [], ['G1']],
  ],
  ['F1 when benefit = other', person({ benefit: 'other' }), ['undetermined', 'triage', [], [], ['F1']]],
  ['G8 person → gemeente', person({}, 'Hoe vraag ik een nieuw rijbewijs aan?'), ['out_of_scope', 'none', [], ['gemeente'], ['G8']]],
  ['G8 person → belastingdienst', person({}, 'Een vraag over mijn huurtoeslag.'), ['out_of_scope', 'none', [], ['belastingdienst'], ['G8']]],
  [
    'G8 only when no level rule matched',
    person({ situation: 'unemployed', benefit: 'none' }, 'En mijn huurtoeslag?'),
    ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P21']],
  ],
  ['F1', person({}, 'Ik heb een vraag.', { role: 'worker' }), ['undetermined', 'triage', [], [], ['F1']]],
]);

table('role check G7 (§4.2, §6.5)', [
  [
    'employer voice under worker → employer reading, text only',
    person({ dismissalRisk: 'yes' }, 'Wij moeten als bedrijf acht mensen ontslaan.', { role: 'worker' }),
    ['middle', 'triage', ['mobiliteitsteam', 'wsp'], ['uwv'], ['W1', 'G7']],
  ],
  [
    'employer reading with a vacancy',
    person({}, 'Wij zoeken als bedrijf een heftruckchauffeur.', { role: 'worker' }),
    ['base', 'triage', ['wsp'], [], ['W6', 'G7']],
  ],
  [
    'employer reading that falls back to W7',
    person({}, 'Als werkgever hebben wij een vraag.', { role: 'on_behalf' }),
    ['undetermined', 'triage', ['wsp'], [], ['W7', 'G7']],
  ],
  [
    'both voices under a person role is no conflict',
    person({}, 'Mijn werkgever zegt dat wij moeten afvloeien.', { role: 'worker' }),
    ['middle', 'mobiliteitsteam', [], [], ['P11']],
  ],
  [
    'employee voice under employer → worker reading',
    employer({ requestType: 'other' }, 'Mijn baas zegt dat ik misschien ontslagen word.'),
    ['middle', 'triage', ['mobiliteitsteam'], [], ['P11', 'G7']],
  ],
  [
    'own-business voice under employer → self_employed reading',
    employer({ requestType: 'other', redundantStaff: 'none' }, 'Ik ga mijn eigen winkel sluiten.'),
    ['middle', 'triage', ['mobiliteitsteam'], [], ['P13', 'G7']],
  ],
  [
    'no own-business voice with redundant staff',
    employer({ requestType: 'other', redundantStaff: '1_19' }, 'Ik ga mijn winkel sluiten.'),
    ['middle', 'wsp', ['mobiliteitsteam'], ['uwv'], ['W1']],
  ],
  [
    'worker reading of an employer: H1 then G7',
    employer({ requestType: 'other' }, 'Mijn baas zegt dat ik door mijn handicap ontslagen word.'),
    ['middle', 'triage', ['mobiliteitsteam'], [], ['P11', 'H1', 'G7']],
  ],
]);

table('crisis G2 (§4.8)', [
  [
    'after a level rule',
    person({ dismissalRisk: 'yes' }, 'Ik sta binnenkort op straat.', { role: 'worker' }),
    ['middle', 'triage', ['mobiliteitsteam'], [], ['P10', 'G2']],
  ],
  [
    'over G8',
    person({}, 'Mijn paspoort is weg en ik ben dakloos.'),
    ['undetermined', 'triage', [], ['gemeente'], ['G8', 'G2']],
  ],
  ['never negated', person({}, 'Ik denk niet aan zelfmoord.'), ['undetermined', 'triage', [], [], ['F1', 'G2']]],
  [
    'overrides in order H1, G7, G2',
    employer({ requestType: 'other' }, 'Mijn baas zegt dat ik door mijn handicap ontslagen word. Ik denk aan zelfmoord.'),
    ['middle', 'triage', ['mobiliteitsteam'], [], ['P11', 'H1', 'G7', 'G2']],
  ],
]);

describe('region routing: baseRoute (README, §2)', () => {
  const wsp = { baseRoute: 'wsp' } as const;
  it.each<[string, IntakeFacts, Expected]>([
    ['base person rule', person({ questionType: 'training' }), ['base', 'wsp', [], ['leerwerkloket'], ['P20']]],
    [
      'base as second track',
      person({ benefit: 'bijstand', questionType: 'training' }),
      ['top', 'werkbedrijf', ['wsp'], ['gemeente', 'leerwerkloket'], ['P4', 'P20', 'C2']],
    ],
    [
      'base triage rule suggests the region team',
      person({ situation: 'unemployed', questionType: 'income' }),
      ['base', 'triage', ['wsp'], ['gemeente'], ['P25']],
    ],
    ['middle is unchanged', person({ dismissalRisk: 'yes' }), ['middle', 'mobiliteitsteam', [], [], ['P10']]],
    ['employers are unchanged', employer({ requestType: 'staff_training' }), ['base', 'wsp', [], ['leerwerkloket'], ['W5']]],
  ])('%s', (_name, facts, expected) => check(facts, expected, wsp));

  it('defaults to mobiliteitsteam', () => {
    check(person({ questionType: 'training' }), ['base', 'mobiliteitsteam', [], ['leerwerkloket'], ['P20']]);
  });
});
