// npm run bench:classify [-- --count N]: classifications per second on one core, cycling through the labelled
// fixtures. A throughput pass (no per-call timing) and a latency pass (each call timed) after a warm-up.
import { classify, type IntakeFacts } from '#libs/classification';
import { defaultLabelledFiles, readLabelledIntakes } from './labelled-intakes.js';

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

function countArg(argv: readonly string[]): number {
  const i = argv.indexOf('--count');
  const n = i >= 0 ? Number(argv[i + 1]) : 200_000;
  return Number.isInteger(n) && n > 0 ? n : 200_000;
}

function main(): void {
  const count = countArg(process.argv.slice(2));
  const cases: { facts: IntakeFacts; referenceMonth: string }[] = defaultLabelledFiles()
    .flatMap(readLabelledIntakes)
    .map((intake) => ({ facts: intake.facts, referenceMonth: intake.referenceMonth }));
  if (cases.length === 0) throw new Error('no fixtures found under test/fixtures/');

  // A checksum keeps the optimiser from dropping the calls.
  let checksum = 0;
  const runOne = (i: number): void => {
    const c = cases[i % cases.length];
    checksum += classify(c.facts, { referenceMonth: c.referenceMonth }).reasons.length;
  };

  for (let i = 0; i < 20_000; i++) runOne(i);

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

  out(`fixtures            ${cases.length} cases`);
  out(`classifications     ${count}`);
  out(`seconds             ${seconds.toFixed(3)}`);
  out(`per second          ${Math.round(count / seconds)}`);
  out(`latency p50         ${quantile(0.5).toFixed(1)} µs`);
  out(`latency p99         ${quantile(0.99).toFixed(1)} µs`);
  out(`(checksum ${checksum})`);
}

main();
