// npm run eval [-- file.jsonl …]: classifies labelled intakes and prints accuracy per field, confusion matrices
// for route and level, and every misclassified case with the rules that fired. Exit code 1 when any case is
// misclassified, so CI can run it.
import { relative } from 'node:path';
import { LEVELS, ROUTES, RULESET_VERSION, classify, type ClassificationResult } from '#libs/classification';
import { defaultLabelledFiles, readLabelledIntakes, type LabelledIntake } from './labelled-intakes.js';

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

interface Outcome {
  intake: LabelledIntake;
  result: ClassificationResult;
  level: boolean;
  route: boolean;
  secondaryRoutes: boolean;
  referrals: boolean;
  exact: boolean;
}

function evaluate(intake: LabelledIntake): Outcome {
  const result = classify(intake.facts, { referenceMonth: intake.referenceMonth });
  const level = result.level === intake.expect.level;
  const route = result.route === intake.expect.route;
  const secondaryRoutes = sameSet(result.secondaryRoutes, intake.expect.secondaryRoutes);
  const referrals = sameSet(result.referrals, intake.expect.referrals);
  return { intake, result, level, route, secondaryRoutes, referrals, exact: level && route && secondaryRoutes && referrals };
}

function percent(count: number, total: number): string {
  return total === 0 ? '   -  ' : `${((100 * count) / total).toFixed(1).padStart(5)}%`;
}

function confusion(title: string, labels: readonly string[], pairs: readonly [string, string][]): void {
  const counts = new Map<string, number>();
  for (const [expected, got] of pairs) counts.set(`${expected}→${got}`, (counts.get(`${expected}→${got}`) ?? 0) + 1);
  const width = Math.max(...labels.map((l) => l.length), 'expected \\ got'.length) + 1;
  const cell = Math.max(...labels.map((l) => l.length)) + 1;
  out(`${title} (rows: expected, columns: got)`);
  out('expected \\ got'.padEnd(width) + labels.map((l) => l.padStart(cell)).join(''));
  for (const expected of labels) {
    out(expected.padEnd(width) + labels.map((got) => String(counts.get(`${expected}→${got}`) ?? 0).padStart(cell)).join(''));
  }
  const unknown = pairs.filter(([e, g]) => !labels.includes(e) || !labels.includes(g));
  if (unknown.length > 0) out(`(${unknown.length} pair(s) with a value outside ${labels.join('/')})`);
  out();
}

function main(argv: readonly string[]): number {
  const files = argv.length > 0 ? [...argv] : defaultLabelledFiles();
  if (files.length === 0) {
    out('No labelled files found (test/fixtures/intakes.jsonl).');
    return 1;
  }
  out(`Ruleset ${RULESET_VERSION}`);
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const intakes = readLabelledIntakes(file);
    const results = intakes.map(evaluate);
    outcomes.push(...results);
    out(`${relative(process.cwd(), file)}: ${intakes.length} cases, ${results.filter((r) => r.exact).length} exact`);
  }
  const total = outcomes.length;
  const count = (key: 'level' | 'route' | 'secondaryRoutes' | 'referrals' | 'exact'): number =>
    outcomes.filter((o) => o[key]).length;
  out();
  out(`Accuracy over ${total} cases`);
  for (const [label, key] of [
    ['route', 'route'],
    ['level', 'level'],
    ['secondaryRoutes (set)', 'secondaryRoutes'],
    ['referrals (set)', 'referrals'],
    ['all exact', 'exact'],
  ] as const) {
    out(`  ${label.padEnd(22)} ${percent(count(key), total)}  (${count(key)}/${total})`);
  }
  out();
  confusion('Route', ROUTES, outcomes.map((o) => [o.intake.expect.route, o.result.route]));
  confusion('Level', LEVELS, outcomes.map((o) => [o.intake.expect.level, o.result.level]));

  const wrong = outcomes.filter((o) => !o.exact);
  if (wrong.length === 0) {
    out('No misclassifications.');
    return 0;
  }
  out(`Misclassified (${wrong.length}):`);
  for (const { intake, result } of wrong) {
    const show = (level: string, route: string, secondary: readonly string[], referrals: readonly string[]): string =>
      `${level}/${route} secondary=[${secondary.join(',')}] referrals=[${referrals.join(',')}]`;
    out(`- ${intake.id} (${relative(process.cwd(), intake.file)}:${intake.line})`);
    out(`    expected ${show(intake.expect.level, intake.expect.route, intake.expect.secondaryRoutes, intake.expect.referrals)}`);
    out(`    got      ${show(result.level, result.route, result.secondaryRoutes, result.referrals)}`);
    out(`    fired    ${result.firedRules.join(', ') || '(none)'}`);
    if (intake.note) out(`    note     ${intake.note}`);
  }
  return 1;
}

process.exitCode = main(process.argv.slice(2).filter((arg) => arg !== '--'));
