/**
 * Percentiles by nearest rank (pure): the p-th percentile of n values is the value at rank ceil(p × n) in ascending
 * order, so it is always one of the values (PostgreSQL's percentile_disc gives the same). The median of an even
 * number of values is the lower of the two middle ones.
 */

export function nearestRank(p: number, n: number): number {
  if (!(p > 0 && p <= 1)) throw new RangeError(`p must be in (0, 1], got ${p}`);
  return Math.max(1, Math.ceil(p * n - 1e-9));
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(p, sorted.length) - 1];
}

/** One bar of a histogram: how many cases had exactly this value. */
export interface HistogramBin {
  value: number;
  count: number;
}

/** The same percentile from a histogram of exact values (the bins need not be sorted or unique). */
export function percentileOfHistogram(bins: readonly HistogramBin[], p: number): number | null {
  const sorted = [...bins].filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return null;
  const rank = nearestRank(p, n);
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.count;
    if (seen >= rank) return bin.value;
  }
  return sorted.at(-1)!.value;
}

export function histogramSize(bins: readonly HistogramBin[]): number {
  return bins.reduce((sum, bin) => sum + bin.count, 0);
}
