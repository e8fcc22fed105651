// Renders a ruleset as a Markdown document that policy staff can read: every rule in evaluation order with its
// conditions in words, route, referrals, markers and reasons, then the concept lists and the text settings. Pure:
// `npm run rules:doc` writes it next to the ruleset file, and a unit test fails when the committed copy is stale.
import type { ConditionDef, LexiconGroupDef, ReferralDef, RuleDef, RulesetDef, ScorecardDef, VoiceSignalDef } from '../ruleset/ruleset.types.js';

const STAGE_TITLES: Record<RuleDef['stage'], string> = {
  guard: 'Guards (stop evaluation)',
  'role-check': 'Role check',
  employer: 'Employer rules',
  person: 'Person rules',
  combination: 'Combination (reason-only)',
  referral: 'Referral rules',
  fallback: 'Fallbacks (when no level rule matched)',
  override: 'Overrides',
};

const PREDICATE_TEXT: Record<string, string> = {
  'person-unanswered': 'every person field is absent, unknown or prefer_not_to_say',
  'role-conflict': 'the text speaks with another voice than the chosen role (employer / employee / own business)',
  'strict-health-consent': 'the region reads health strictly (consent box needed, as in 1.0.0)',
  'employee-voice': 'the text speaks as an employee ("mijn werkgever", "my boss")',
};

const code = (text: string): string => `\`${text}\``;
const list = (items: readonly string[]): string => items.map(code).join(', ');
const escape = (text: string): string => text.replace(/\|/g, '\\|');

/** A condition in words; nested groups in brackets. */
export function describeCondition(def: ConditionDef): string {
  switch (def.kind) {
    case 'all':
      return def.of.length === 1 ? describeCondition(def.of[0]) : `all of [${def.of.map(describeCondition).join('; ')}]`;
    case 'any':
      return def.of.length === 0 ? 'never' : def.of.length === 1 ? describeCondition(def.of[0]) : `any of [${def.of.map(describeCondition).join('; ')}]`;
    case 'not':
      return `not (${describeCondition(def.of)})`;
    case 'ref':
      return `*${def.name}*`;
    case 'field':
      return def.values.length === 1 ? `${code(def.path)} = ${code(String(def.values[0]))}` : `${code(def.path)} in {${def.values.map(String).join(', ')}}`;
    case 'open':
      return `${code(def.path)} is open (absent, unknown or prefer_not_to_say${def.path === 'person.benefit' ? ', or other' : ''})`;
    case 'absent':
      return `${code(def.path)} is absent`;
    case 'blank':
      return 'the question is blank';
    case 'text':
      return `the text mentions ${def.groups.map((g) => `**${g}**`).join(' or ')}${def.tags.length > 0 ? ` (tagged ${def.tags.join(', ')})` : ''}${def.ignoreConsent ? ' (even without consent)' : ''}`;
    case 'monthOffset':
      return `${code(def.path)} is ${def.min} to ${def.max} months from the reference month`;
    case 'matched':
      return `rule ${def.rules.join(' or ')} fired`;
    case 'matchedLevel':
      return `a rule at level ${def.levels.join(' or ')} matched`;
    case 'resultLevel':
      return `the outcome so far has level ${def.levels.join(' or ')}`;
    case 'resultRoute':
      return `the outcome so far has route ${def.routes.join(' or ')}`;
    case 'reading':
      return `the question is read as ${def.reading === 'person' ? 'a person' : 'an employer'}'s`;
    case 'predicate':
      return PREDICATE_TEXT[def.name] ?? def.name;
    case 'signal':
      return `the sentence signal *${def.name}* holds`;
    case 'score':
      return `the scorecard *${def.name}* reaches its threshold`;
  }
}

function describeReferrals(referrals: readonly ReferralDef[]): string {
  if (referrals.length === 0) return '–';
  return referrals.map((r) => (r.when ? `${code(r.referral)} if ${describeCondition(r.when)}` : code(r.referral))).join('; ');
}

function describeRoute(rule: RuleDef, def: RulesetDef): string {
  if (rule.route === undefined) return '–';
  const team = (route: string): string => (route === 'level' && rule.level && rule.level in def.routing.levelRoutes ? def.routing.levelRoutes[rule.level as 'top'] : route);
  const route = team(rule.route);
  return rule.suggest ? `${route} → suggests ${team(rule.suggest)}` : route;
}

function ruleSection(rule: RuleDef, def: RulesetDef): string[] {
  const lines = [`#### ${rule.id}`, '', `- **When:** ${describeCondition(rule.when)}`];
  if (rule.level) lines.push(`- **Level:** ${rule.level}`);
  if (rule.route) lines.push(`- **Route:** ${describeRoute(rule, def)}`);
  if (rule.secondaryRoutes.length > 0) lines.push(`- **Secondary routes:** ${rule.secondaryRoutes.join(', ')}`);
  if (rule.referrals.length > 0) lines.push(`- **Referrals:** ${describeReferrals(rule.referrals)}`);
  if (rule.marks.length > 0) lines.push(`- **Marks the case:** ${rule.marks.join(', ')}`);
  if (rule.reasonOnly) lines.push('- Reason only: it explains, it does not route.');
  if (rule.afterGuards) lines.push('- Also checked after a guard stopped evaluation.');
  lines.push(`- **Reason (nl):** ${rule.reason.nl}`, `- **Reason (en):** ${rule.reason.en}`, '');
  return lines;
}

function groupSection(group: LexiconGroupDef): string[] {
  const facts = [
    group.level ? `level ${group.level}` : 'no level (referral, income, scope or safety signal)',
    group.negatable ? 'negatable' : 'never negated',
    group.healthRelated ? 'health information (special category)' : undefined,
    group.maxFillers !== undefined ? `up to ${group.maxFillers} words may stand between a phrase's words` : undefined,
  ].filter((f): f is string => f !== undefined);
  const terms = group.terms.map((t) => `${escape(t.term)}${t.tags.length > 0 ? ` *(${t.tags.join(', ')})*` : ''}${t.context ? ` *(only with ${t.context})*` : ''}${t.unlessContext ? ` *(not with ${t.unlessContext})*` : ''}`);
  return [`### ${group.id}: ${group.label}`, '', `*${facts.join('; ')}.*`, '', terms.join(' · '), ''];
}

/** A scorecard: its threshold and the words that weigh most either way (the full list is in the JSON). */
function scorecardLines(name: string, card: ScorecardDef): string[] {
  const byWeight = Object.entries(card.weights).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const shown = (entries: [string, number][]): string => entries.map(([word, weight]) => `${code(word)} ${weight > 0 ? '+' : ''}${weight}`).join(', ');
  return [
    `### Scorecard *${name}*`,
    '',
    `Holds when 1 / (1 + e^-(${card.bias} + the weights of the question's words and word pairs)) ≥ ${card.threshold}; ` +
      `${byWeight.length} words and word pairs carry a weight (learned by \`npm run rules:train\`).`,
    '',
    `- Weigh most towards it: ${shown(byWeight.filter(([, weight]) => weight > 0).slice(0, 40))}.`,
    `- Weigh most against it: ${shown(byWeight.filter(([, weight]) => weight < 0).slice(-25).reverse())}.`,
    '',
  ];
}

function voiceLines(name: string, signals: readonly VoiceSignalDef[]): string[] {
  return signals.map((signal) => {
    const clause = (patterns: readonly { pattern: string }[]): string => patterns.map((p) => code(p.pattern)).join(' or ');
    const all = signal.all.map(clause).join(' **and** ');
    const none = signal.none.length > 0 ? ` — unless ${signal.none.map(clause).join(' or ')}` : '';
    return `- ${name}: ${all}${none}`;
  });
}

export function renderRulesetDoc(def: RulesetDef): string {
  const lines: string[] = [
    `# Werkloket beleidstheorie — ruleset ${def.version}`,
    '',
    `<!-- Generated by \`npm run rules:doc\` from rulesets/${def.version}.json. Do not edit by hand: edit the JSON, then regenerate. -->`,
    '',
    'How Werkloket classifies a question by the level of the piramide van regionaal arbeidsmarktbeleid and chooses',
    'the team that picks it up. Every decision names the rules below that fired, with their reason texts.',
    '',
    '## Routing',
    '',
    `- Level **top** → ${def.routing.levelRoutes.top}; **middle** → ${def.routing.levelRoutes.middle}; **base** → ${def.routing.levelRoutes.base} (a region may choose another team for base).`,
    `- Health information in the person's own words ${def.routing.healthOwnWords ? 'routes the question; the case asks for consent at first contact (a region may choose the strict reading: triage until consent)' : 'counts only with the consent box ticked (otherwise H1 sends the question to triage)'}.`,
    '- Highest level wins; the teams of the other matched rules become secondary routes.',
    `- Overrides run last, in this order: ${def.overrideOrder.join(', ')}. An override sends the question to triage and keeps the team it would otherwise go to as secondary route.`,
    '',
    '## Rules in evaluation order',
    '',
  ];
  const stages: RuleDef['stage'][] = ['guard', 'role-check', 'employer', 'person', 'combination', 'fallback', 'referral', 'override'];
  for (const stage of stages) {
    const rules = def.rules.filter((r) => r.stage === stage);
    if (rules.length === 0) continue;
    lines.push(`### ${STAGE_TITLES[stage]}`, '');
    for (const rule of stage === 'override' ? def.overrideOrder.map((id) => rules.find((r) => r.id === id)!).filter(Boolean) : rules) {
      lines.push(...ruleSection(rule, def));
    }
  }
  lines.push('## Named conditions', '');
  for (const [name, condition] of Object.entries(def.conditions)) lines.push(`- *${name}*: ${describeCondition(condition)}`);
  lines.push('', '## Concepts: what the text is read for', '');
  lines.push(
    'Notation: `~word` also matches a typo of the word; `word*` also the start of a longer word, `*word` the end;',
    '`a|b` offers alternatives for one word; a phrase matches its words in order with a few words in between.',
    '',
  );
  for (const group of def.lexicon) lines.push(...groupSection(group));
  const text = def.text;
  lines.push(
    '## How the text is read',
    '',
    `- Words may carry one ending: ${list(text.inflections)}. Acronyms match exactly: ${list(text.acronyms)}.`,
    `- Never matched (false friends): ${list(text.neverMatch)}.`,
    `- Up to ${text.maxFillers} words may stand between a phrase's words (unless a concept allows more).`,
    `- Typos: tokens of ${text.fuzzy.minTokenLength}+ letters; ${text.fuzzy.distances.map((d) => `keywords of ${d.minKeywordLength}+ letters allow ${d.maxDistance} edit(s)`).join(', ')}.`,
    `- Negation: ${list(text.negation.negators)} up to ${text.negation.window} words before a match drop it.${text.negation.doubleNegation.length > 0 ? ` Double negation turns it around after: ${list(text.negation.doubleNegation)}.` : ''}`,
    ...(text.otherPerson.length > 0 ? [`- A sentence with ${list(text.otherPerson)} is about someone else: its health words are not the person's own.`] : []),
    `- Language: English with at least ${text.language.minEnglish} English stop words and more than Dutch ones; another language with ${text.language.otherMinTokens}+ words and no stop words of either.`,
    '',
    '### Voices and sentence signals',
    '',
    ...voiceLines('employer voice', text.roleVoice.employer),
    ...voiceLines('employee voice', text.roleVoice.employee),
    ...voiceLines('own-business voice', text.roleVoice.ownBusiness),
    ...Object.entries(text.signals).flatMap(([name, signals]) => voiceLines(`*${name}*`, signals)),
    '',
    ...Object.entries(text.scorecards).flatMap(([name, card]) => scorecardLines(name, card)),
  );
  return lines.join('\n');
}
