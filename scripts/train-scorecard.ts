// npm run rules:train [-- --ruleset 2.2.0 --card crisis-words --threshold 0.7 --write --held-out]
// Learns a scorecard's weights (text/scorecard.ts) from the labelled questions we may tune on: the fixtures written
// from the rules, the realistic corpus and the blind sets. The held-out files are never learned from. Out-of-fold
// figures (each question scored by a card that did not learn from it) show what a threshold costs and gains before it
// is chosen; the "rules" in them are the ruleset's other crisis signs, which were written while reading these same
// files, so only the card's share is out of fold. --held-out adds the held-out files' figures (look once the
// threshold is chosen, not to choose it). --write puts the card, learned from all of them, into
// libs/classification/rulesets/<version>.json, keeping its threshold unless --threshold says otherwise. Training
// is deterministic: the same files give the same weights.
//
// The label is "signals a crisis": the realistic corpus's `crisis`, or crisis_113 among the fixture's referrals
// under the ruleset's version.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULESETS, classify, expectationUnder, parseRuleset, questionFeatures, scoreOf, type Ruleset } from '#libs/classification';
import { defaultLabelledFiles, readLabelledIntakes, type LabelledIntake } from './labelled-intakes.js';
import { projectRoot } from './project-root.js';

/** Files never learned from: the held-out questions. */
const HELD_OUT = new Set(['holdout.jsonl', 'holdout-blind.jsonl']);
/** A word or pair seen in fewer questions than this is not weighed: one question is an anecdote. */
const MIN_QUESTIONS = 2;
const ITERATIONS = 600;
const LEARNING_RATE = 0.5;
/** L2 penalty: keeps any one word from deciding alone. */
const L2 = 1;
const FOLDS = 5;
/** Weights closer to zero than this are left out of the ruleset; they change no outcome measurably. */
const MIN_WEIGHT = 0.05;

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

interface Example {
  file: string;
  id: string;
  features: string[];
  crisis: boolean;
}

interface Card {
  bias: number;
  weights: Map<string, number>;
}

function labelOf(intake: LabelledIntake, version: string): boolean {
  if (typeof intake.expect.crisis === 'boolean') return intake.expect.crisis;
  return expectationUnder(intake.expect, intake.expectByRuleset, version).referrals.includes('crisis_113');
}

/** Logistic regression by full-batch gradient descent, classes weighted equally, in a fixed order. */
function train(examples: readonly Example[]): Card {
  const seen = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  const vocabulary = [...seen].filter(([, count]) => count >= MIN_QUESTIONS).map(([feature]) => feature).sort();
  const index = new Map(vocabulary.map((feature, i) => [feature, i]));
  const rows = examples.map((example) => example.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const positives = examples.filter((e) => e.crisis).length;
  const classWeight = examples.map((e) => (e.crisis ? 0.5 / (positives / examples.length) : 0.5 / (1 - positives / examples.length)));
  const w = new Float64Array(vocabulary.length);
  const gradient = new Float64Array(vocabulary.length);
  let bias = 0;
  const n = examples.length;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    gradient.fill(0);
    let biasGradient = 0;
    rows.forEach((row, j) => {
      let z = bias;
      for (const i of row) z += w[i];
      const g = (1 / (1 + Math.exp(-z)) - (examples[j].crisis ? 1 : 0)) * classWeight[j];
      for (const i of row) gradient[i] += g;
      biasGradient += g;
    });
    for (let i = 0; i < w.length; i++) w[i] -= LEARNING_RATE * ((gradient[i] + L2 * w[i]) / n);
    bias -= (LEARNING_RATE * biasGradient) / n;
  }
  // Rounded and pruned as the ruleset keeps them, so the figures below are the shipped card's.
  const kept = vocabulary.map((feature, i) => [feature, Math.round(w[i] * 1000) / 1000] as const).filter(([, weight]) => Math.abs(weight) >= MIN_WEIGHT);
  return { bias: Math.round(bias * 1000) / 1000, weights: new Map(kept) };
}

/** The classifier's own scoring, so training and classifying cannot drift apart. */
function score(card: Card, features: readonly string[]): number {
  return scoreOf({ name: 'training', threshold: 0.5, ...card }, new Set(features));
}

/** A stable fold per question id (FNV-1a), so adding a question does not reshuffle the others. */
function foldOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % FOLDS;
}

const rulesetFile = (version: string): string => fileURLToPath(new URL(`libs/classification/rulesets/${version}.json`, projectRoot()));

type RulesetJson = { text: { scorecards?: Record<string, unknown> } };

/** The ruleset with the card silenced: what the rest of its crisis reading catches. */
function withoutCard(file: string, json: RulesetJson, card: string): Ruleset {
  return parseRuleset({ ...json, text: { ...json.text, scorecards: { ...json.text.scorecards, [card]: { threshold: 0.5, bias: -100, weights: {} } } } }, file);
}

const pct = (count: number, total: number): string => `${count}/${total}`.padStart(9);

function report(title: string, groups: Map<string, { crisis: boolean; score: number; rules: boolean }[]>, thresholds: readonly number[]): void {
  out(title);
  out(`  ${'file'.padEnd(22)}${thresholds.map((t) => `  ≥${t.toFixed(2)} crisis / alarms`.padEnd(30)).join('')}`);
  for (const [file, rows] of groups) {
    const crisis = rows.filter((r) => r.crisis);
    const calm = rows.filter((r) => !r.crisis);
    const cells = thresholds.map((t) => {
      const caught = crisis.filter((r) => r.rules || r.score >= t).length;
      const alarms = calm.filter((r) => r.rules || r.score >= t).length;
      return `${pct(caught, crisis.length)} / ${pct(alarms, calm.length)}`.padEnd(30);
    });
    const rulesOnly = `rules alone ${crisis.filter((r) => r.rules).length}/${crisis.length}, alarms ${calm.filter((r) => r.rules).length}/${calm.length}`;
    out(`  ${file.padEnd(22)}${cells.join('')}  (${rulesOnly})`);
  }
  out();
}

/** The ruleset files' layout: short arrays and objects on one line, long word lists filled to the width. */
function formatRuleset(value: unknown, width = 120): string {
  const compact = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(compact).join(', ')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.entries(v).map(([key, x]) => `${JSON.stringify(key)}: ${compact(x)}`).join(', ')}}`
        : JSON.stringify(v);
  const scalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  const format = (v: unknown, indent: number, prefix: number): string => {
    const one = compact(v);
    if (scalar(v) || (Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0) || indent + prefix + one.length <= width) return one;
    const pad = ' '.repeat(indent + 2);
    const entries: [string | null, unknown][] = Array.isArray(v) ? v.map((x) => [null, x]) : Object.entries(v as object);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.every(([, x]) => scalar(x))) {
      const lines: string[] = [];
      let line = '';
      for (const [key, x] of entries) {
        const piece = key === null ? JSON.stringify(x) : `${JSON.stringify(key)}: ${JSON.stringify(x)}`;
        if (line !== '' && pad.length + line.length + 2 + piece.length + 1 > width) {
          lines.push(`${pad}${line},`);
          line = piece;
        } else line = line === '' ? piece : `${line}, ${piece}`;
      }
      lines.push(pad + line);
      return `${open}\n${lines.join('\n')}\n${' '.repeat(indent)}${close}`;
    }
    const items = entries.map(([key, x]) =>
      key === null ? `${pad}${format(x, indent + 2, 1)}` : `${pad}${JSON.stringify(key)}: ${format(x, indent + 2, JSON.stringify(key).length + 3)}`,
    );
    return `${open}\n${items.join(',\n')}\n${' '.repeat(indent)}${close}`;
  };
  return `${format(value, 0, 0)}\n`;
}

function main(argv: readonly string[]): number {
  const args = argv.filter((arg) => arg !== '--');
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(name);
    return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
  };
  const version = option('--ruleset', '2.2.0');
  const cardName = option('--card', 'crisis-words');
  if (!RULESETS.has(version)) {
    out(`Unknown ruleset ${version}; shipped: ${[...RULESETS.keys()].join(', ')}`);
    return 1;
  }
  const file = rulesetFile(version);
  const json = JSON.parse(readFileSync(file, 'utf8')) as RulesetJson;
  const current = json.text.scorecards?.[cardName] as { threshold?: number } | undefined;
  // Without --threshold the card keeps the threshold it has, so a retrain never moves it by accident.
  const threshold = Number(option('--threshold', String(current?.threshold ?? 0.7)));
  if (!(threshold > 0 && threshold < 1)) {
    out(`--threshold must lie between 0 and 1 (got ${option('--threshold', '')})`);
    return 1;
  }
  const rulesOnly = withoutCard(file, json, cardName);
  const intakes = defaultLabelledFiles().flatMap((file) => readLabelledIntakes(file));
  const rulesCatch = (intake: LabelledIntake): boolean =>
    classify(intake.facts, { referenceMonth: intake.referenceMonth, ruleset: rulesOnly }).referrals.includes('crisis_113');
  const examples = intakes.map((intake) => ({
    intake,
    example: { file: basename(intake.file), id: intake.id, features: [...questionFeatures(intake.facts.question ?? '')], crisis: labelOf(intake, version) },
  }));
  const learnable = examples.filter(({ example }) => !HELD_OUT.has(example.file));
  const heldOut = examples.filter(({ example }) => HELD_OUT.has(example.file));
  out(`Scorecard ${cardName} for ruleset ${version}: ${learnable.length} questions to learn from (${learnable.filter((e) => e.example.crisis).length} signal a crisis), ${heldOut.length} held out`);
  out();

  const thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];
  const byFile = new Map<string, { crisis: boolean; score: number; rules: boolean }[]>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const card = train(learnable.filter(({ example }) => foldOf(example.id) !== fold).map(({ example }) => example));
    for (const { intake, example } of learnable.filter(({ example }) => foldOf(example.id) === fold)) {
      const rows = byFile.get(example.file) ?? [];
      rows.push({ crisis: example.crisis, score: score(card, example.features), rules: rulesCatch(intake) });
      byFile.set(example.file, rows);
    }
  }
  report('Out of fold (each question scored by a card that did not learn from it), with the ruleset\'s other crisis signs:', byFile, thresholds);

  const card = train(learnable.map(({ example }) => example));
  if (args.includes('--held-out')) {
    const heldOutRows = new Map<string, { crisis: boolean; score: number; rules: boolean }[]>();
    for (const { intake, example } of heldOut) {
      const rows = heldOutRows.get(example.file) ?? [];
      rows.push({ crisis: example.crisis, score: score(card, example.features), rules: rulesCatch(intake) });
      heldOutRows.set(example.file, rows);
    }
    report('Held out (figures only; never learned from):', heldOutRows, thresholds);
  }

  // In vocabulary order (sorted in train()), so a retrain with the same files rewrites the same file.
  const weights = Object.fromEntries(card.weights);
  out(`Learned from all ${learnable.length}: bias ${card.bias}, ${card.weights.size} words and word pairs weighed (|w| ≥ ${MIN_WEIGHT}).`);
  if (args.includes('--write')) {
    json.text.scorecards = { ...json.text.scorecards, [cardName]: { threshold, bias: card.bias, weights } };
    // The file is parsed as the service will parse it before it is written: a bad card never reaches the disk.
    parseRuleset(json, file);
    writeFileSync(file, formatRuleset(json));
    out(`wrote ${cardName} (threshold ${threshold}) into ${file}; run npm run rules:doc next`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
