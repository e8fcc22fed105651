// npm run bench:classify [-- --count N]: classifications per second on one core, for each set of labelled
// questions separately (the short fixtures written from the rules, and the realistic corpus, whose questions are
// four times as long), then for all together. A throughput pass (no per-call timing) and a latency pass (each call
// timed) after a warm-up, per set.
import { basename } from 'node:path';
import { DEFAULT_RULESET, classify, type IntakeFacts } from '#libs/classification';
import { defaultLabelledFiles, readLabelledIntakes } from './labelled-intakes.js';

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

function countArg(argv: readonly string[]): number {
  const i = argv.indexOf('--count');
  const n = i >= 0 ? Number(argv[i + 1]) : 100_000;
  return Number.isInteger(n) && n > 0 ? n : 100_000;
}

interface BenchCase {
  facts: IntakeFacts;
  referenceMonth: string;
}

function measure(name: string, cases: readonly BenchCase[], count: number): void {
  // A checksum keeps the optimiser from dropping the calls.
  let checksum = 0;
  const runOne = (i: number): void => {
    const c = cases[i % cases.length];
    checksum += classify(c.facts, { referenceMonth: c.referenceMonth }).reasons.length;
  };
  for (let i = 0; i < Math.min(20_000, count); i++) runOne(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) runOne(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    runOne(i);
    latencies[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  latencies.sort();
  const quantile = (q: number): number => latencies[Math.min(count - 1, Math.floor(q * count))];
  const chars = Math.round(cases.reduce((sum, c) => sum + c.facts.question.length, 0) / cases.length);
  out(
    `${name.padEnd(24)} ${String(cases.length).padStart(5)} questions, ${String(chars).padStart(4)} chars avg   ` +
      `${String(Math.round(count / seconds)).padStart(7)}/s   p50 ${quantile(0.5).toFixed(1).padStart(6)} µs   p99 ${quantile(0.99).toFixed(1).padStart(7)} µs   (checksum ${checksum})`,
  );
}

function main(): void {
  const count = countArg(process.argv.slice(2));
  const files = defaultLabelledFiles();
  if (files.length === 0) throw new Error('no fixtures found under test/fixtures/');
  const sets = new Map<string, BenchCase[]>();
  for (const file of files) {
    const kind = file.includes('/corpus/') ? 'realistic corpus' : 'rule fixtures';
    const cases = readLabelledIntakes(file).map((intake) => ({ facts: intake.facts, referenceMonth: intake.referenceMonth }));
    sets.set(kind, [...(sets.get(kind) ?? []), ...cases]);
  }
  out(`Ruleset ${DEFAULT_RULESET.version}, ${count} classifications per set, one core (files: ${files.map((f) => basename(f)).join(', ')})`);
  for (const [name, cases] of sets) measure(name, cases, count);
  measure('all', [...sets.values()].flat(), count);
}

main();
