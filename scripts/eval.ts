// npm run eval [-- [--ruleset X.Y.Z] [--misses] [file.jsonl …]]: classifies labelled intakes and prints, per file,
// what matters for that kind of file.
// - Fixtures written from the rules (no acceptedRoutes): every field exact, confusion matrices, every miss with
//   the rules that fired. A later ruleset's policy change is applied from the case's expectByRuleset.
// - The realistic corpus (acceptedRoutes present): strict and accepted route and level, the share sent to triage,
//   crisis and urgent recall; misses only with --misses (the held-out file's misses are never printed, so it stays
//   a test we do not tune on).
// Exit code 1 when a fixture written from the rules is misclassified, so CI can run it.
import { basename, relative } from 'node:path';
import { DEFAULT_RULESET, ROUTES, RULESETS, classify, expectationUnder, type ClassificationResult, type Ruleset } from '#libs/classification';
import { defaultLabelledFiles, readLabelledIntakes, type LabelledIntake } from './labelled-intakes.js';

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

function percent(count: number, total: number): string {
  return total === 0 ? '   -  ' : `${((100 * count) / total).toFixed(1).padStart(5)}%`;
}

const show = (level: string, route: string, secondary: readonly string[], referrals: readonly string[]): string =>
  `${level}/${route} secondary=[${secondary.join(',')}] referrals=[${referrals.join(',')}]`;

function confusion(title: string, labels: readonly string[], pairs: readonly [string, string][]): void {
  const counts = new Map<string, number>();
  for (const [expected, got] of pairs) counts.set(`${expected}→${got}`, (counts.get(`${expected}→${got}`) ?? 0) + 1);
  const width = Math.max(...labels.map((l) => l.length), 'expected \\ got'.length) + 1;
  const cell = Math.max(...labels.map((l) => l.length)) + 1;
  out(`  ${title} (rows: expected, columns: got)`);
  out('  ' + 'expected \\ got'.padEnd(width) + labels.map((l) => l.padStart(cell)).join(''));
  for (const expected of labels) {
    out('  ' + expected.padEnd(width) + labels.map((got) => String(counts.get(`${expected}→${got}`) ?? 0).padStart(cell)).join(''));
  }
}

const run = (intake: LabelledIntake, ruleset: Ruleset): ClassificationResult =>
  classify(intake.facts, { referenceMonth: intake.referenceMonth, ruleset });

/** Fixtures written from the rules: every field exact. Returns the number of misses. */
function evaluateFixtures(file: string, intakes: readonly LabelledIntake[], ruleset: Ruleset): number {
  const outcomes = intakes.map((intake) => {
    const expect = expectationUnder(intake.expect, intake.expectByRuleset, ruleset.version);
    const result = run(intake, ruleset);
    const exact =
      result.level === expect.level &&
      result.route === expect.route &&
      sameSet(result.secondaryRoutes, expect.secondaryRoutes) &&
      sameSet(result.referrals, expect.referrals);
    return { intake, expect, result, exact };
  });
  const wrong = outcomes.filter((o) => !o.exact);
  out(`${relative(process.cwd(), file)} (written from the rules): ${intakes.length} cases, ${intakes.length - wrong.length} exact (${percent(intakes.length - wrong.length, intakes.length).trim()})`);
  for (const { intake, expect, result } of wrong) {
    out(`  - ${intake.id} (line ${intake.line})`);
    out(`      expected ${show(expect.level, expect.route, expect.secondaryRoutes, expect.referrals)}`);
    out(`      got      ${show(result.level, result.route, result.secondaryRoutes, result.referrals)}`);
    out(`      fired    ${result.firedRules.join(', ') || '(none)'}`);
    if (intake.note) out(`      note     ${intake.note}`);
  }
  return wrong.length;
}

/** The realistic corpus: strict and accepted route/level, triage share, crisis. */
function evaluateRealistic(file: string, intakes: readonly LabelledIntake[], ruleset: Ruleset, misses: boolean): void {
  const rows = intakes.map((intake) => ({ intake, result: run(intake, ruleset) }));
  const n = rows.length;
  const count = (predicate: (row: (typeof rows)[number]) => boolean): number => rows.filter(predicate).length;
  // Blind sets may leave the level or the route unlabelled (''): those questions count only for what is labelled.
  const routed = rows.filter(({ intake }) => intake.expect.route !== '');
  const levelled = rows.filter(({ intake }) => intake.expect.level !== '');
  const strictRoute = routed.filter(({ intake, result }) => result.route === intake.expect.route).length;
  const acceptedRoute = routed.filter(({ intake, result }) => (intake.expect.acceptedRoutes ?? [intake.expect.route]).includes(result.route)).length;
  const strictLevel = levelled.filter(({ intake, result }) => result.level === intake.expect.level).length;
  const acceptedLevel = levelled.filter(({ intake, result }) => (intake.expect.acceptedLevels ?? [intake.expect.level]).includes(result.level)).length;
  const triage = count(({ result }) => result.route === 'triage');
  const triageExpected = count(({ intake }) => intake.expect.route === 'triage');
  // Crisis and housing emergencies go to triage by policy; the triage target is about everything else.
  const calm = rows.filter(({ intake }) => intake.expect.urgent !== true);
  const calmTriage = calm.filter(({ result }) => result.route === 'triage').length;
  const calmTriageExpected = calm.filter(({ intake }) => intake.expect.route === 'triage').length;
  const crisis = rows.filter(({ intake }) => intake.expect.crisis === true);
  const crisisCaught = crisis.filter(({ result }) => result.referrals.includes('crisis_113') && result.urgent).length;
  const falseCrisis = count(({ intake, result }) => intake.expect.crisis !== true && result.referrals.includes('crisis_113'));
  const urgent = rows.filter(({ intake }) => intake.expect.urgent === true);
  const urgentCaught = urgent.filter(({ result }) => result.urgent).length;
  const falseUrgent = count(({ intake, result }) => intake.expect.urgent !== true && result.urgent);
  out(`${relative(process.cwd(), file)} (realistic): ${n} questions`);
  const [r, l] = [routed.length, levelled.length];
  if (r > 0) out(`  route     strict ${percent(strictRoute, r)} (${strictRoute}/${r})   accepted ${percent(acceptedRoute, r)} (${acceptedRoute}/${r})`);
  if (l > 0) out(`  level     strict ${percent(strictLevel, l)} (${strictLevel}/${l})   accepted ${percent(acceptedLevel, l)} (${acceptedLevel}/${l})`);
  out(`  triage    ${percent(triage, n)} of all questions sent to triage (${triage}/${n}; labelled triage: ${triageExpected})`);
  out(`            ${percent(calmTriage, calm.length)} of the ${calm.length} questions without a crisis or housing emergency (${calmTriage}; labelled triage: ${calmTriageExpected})`);
  out(`  crisis    ${crisisCaught}/${crisis.length} crisis questions got crisis_113 and urgent; ${falseCrisis} others got crisis_113`);
  out(`  urgent    ${urgentCaught}/${urgent.length} urgent questions marked urgent; ${falseUrgent} others marked urgent`);
  if (r > 0) confusion('Route', ROUTES, routed.map(({ intake, result }) => [intake.expect.route, result.route]));
  const heldOut = basename(file).startsWith('holdout');
  if (!misses || heldOut) return;
  const wrong = rows.filter(({ intake, result }) => (intake.expect.route !== '' && !(intake.expect.acceptedRoutes ?? [intake.expect.route]).includes(result.route)) ||
    (intake.expect.crisis === true && !result.referrals.includes('crisis_113')));
  out(`  not accepted (${wrong.length}):`);
  for (const { intake, result } of wrong) {
    out(`  - ${intake.id}: expected ${intake.expect.route} (${(intake.expect.acceptedRoutes ?? []).join('/')}), got ${result.route}/${result.level} [${result.firedRules.join(',')}]`);
    out(`      ${intake.facts.role} ${JSON.stringify(intake.facts.person ?? intake.facts.employer ?? {})} | ${intake.facts.question.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

function main(argv: readonly string[]): number {
  const args = argv.filter((arg) => arg !== '--');
  const misses = args.includes('--misses');
  const versionAt = args.indexOf('--ruleset');
  const version = versionAt >= 0 ? args[versionAt + 1] : DEFAULT_RULESET.version;
  const ruleset = RULESETS.get(version);
  if (!ruleset) {
    out(`Unknown ruleset ${version}; shipped: ${[...RULESETS.keys()].join(', ')}`);
    return 1;
  }
  const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--ruleset');
  const files = positional.length > 0 ? positional : defaultLabelledFiles();
  out(`Ruleset ${ruleset.version}`);
  out();
  let fixtureMisses = 0;
  for (const file of files) {
    const intakes = readLabelledIntakes(file);
    const realistic = intakes.some((intake) => intake.expect.acceptedRoutes !== undefined);
    if (realistic) evaluateRealistic(file, intakes, ruleset, misses);
    else fixtureMisses += evaluateFixtures(file, intakes, ruleset);
    out();
  }
  return fixtureMisses > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
