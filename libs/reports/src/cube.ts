import { Disclosure, NOT_APPLICABLE, SUPPRESSED, SUPPRESSION_THRESHOLD, formatFigure, type Figure, type FigureKind } from './disclosure.js';
import { histogramSize, percentileOfHistogram, type HistogramBin } from './percentile.js';

/**
 * The shape every outcome report has (pure): counts and histograms per combination of dimensions (level, team,
 * role, week …) from SQL at the finest grain; here they are added up into tables with a total row, and the
 * suppression rules are applied over all tables of the report together (linked tables share their margins).
 */

export interface ReportColumn {
  key: string;
  kind: FigureKind;
}

export interface ReportRow {
  /** `total`, or the dimension values joined by "/" (e.g. `top/werkbedrijf`). */
  key: string;
  /** The dimension values of the row; empty for the total row. */
  dims: Record<string, string>;
  cells: Record<string, Figure>;
}

export interface ReportTable {
  id: string;
  dimensions: string[];
  columns: ReportColumn[];
  rows: ReportRow[];
}

/** One group at the finest grain: its dimension values, counts and histograms of exact values. */
export interface CubeGroup {
  dims: Record<string, string>;
  counts: Record<string, number>;
  histograms?: Record<string, HistogramBin[]>;
}

export type CubeColumn =
  | { key: string; kind: 'count'; hidden?: boolean }
  | { key: string; kind: 'share'; numerator: string; denominator: string }
  | { key: string; kind: 'days' | 'hours'; histogram: string; p: number; scale?: number }
  | { key: string; kind: 'share' | 'days' | 'hours'; external: (row: ReportRow) => { value: number | null; n: number } | undefined };

export interface CubeSpec {
  tables: { id: string; dimensions: string[] }[];
  /** The values of each dimension in the order rows are shown. Single-dimension tables show every value. */
  values: Record<string, readonly string[]>;
  /** Every count column that is visible or used as a part or total; `hidden: true` counts are never shown. */
  columns: CubeColumn[];
  /** Counts of one row that add up to another count of the row (the results to the cases closed). */
  partitions?: { parts: string[]; total: string }[];
  /** A count that is part of another count of the row (within the norm, of the cases due). */
  subsets?: { part: string; total: string }[];
}

const TOTAL = 'total';

export function buildCube(spec: CubeSpec, groups: readonly CubeGroup[]): { tables: ReportTable[]; disclosure: Disclosure } {
  const counts = spec.columns.filter((c): c is Extract<CubeColumn, { kind: 'count' }> => c.kind === 'count').map((c) => c.key);
  const subsets = spec.subsets ?? [];
  const additive = [...counts, ...subsets.map((s) => `${s.part}~rest`)];
  const withRests = groups.map((group) => ({
    ...group,
    counts: { ...group.counts, ...Object.fromEntries(subsets.map((s) => [`${s.part}~rest`, (group.counts[s.total] ?? 0) - (group.counts[s.part] ?? 0)])) },
  }));

  // Every combination of dimensions a table needs, and every smaller one (its margins).
  const combos = new Map<string, string[]>();
  const addCombo = (dims: string[]) => {
    const sorted = [...dims].sort();
    const name = sorted.join('+');
    if (combos.has(name)) return;
    combos.set(name, sorted);
    for (const dim of sorted) addCombo(sorted.filter((d) => d !== dim));
  };
  for (const table of spec.tables) addCombo(table.dimensions);

  const sums = new Map<string, { dims: Record<string, string>; counts: Record<string, number>; histograms: Record<string, HistogramBin[]> }>();
  for (const dims of combos.values()) {
    for (const group of withRests) {
      const key = cellKey(Object.fromEntries(dims.map((d) => [d, group.dims[d] ?? ''])));
      const sum = sums.get(key) ?? { dims: Object.fromEntries(dims.map((d) => [d, group.dims[d] ?? ''])), counts: {}, histograms: {} };
      for (const column of additive) sum.counts[column] = (sum.counts[column] ?? 0) + (group.counts[column] ?? 0);
      for (const [name, bins] of Object.entries(group.histograms ?? {})) (sum.histograms[name] ??= []).push(...bins);
      sums.set(key, sum);
    }
    // The total row and single-dimension rows exist even with no data.
    if (dims.length <= 1) {
      const values = dims.length === 0 ? [''] : (spec.values[dims[0]] ?? []);
      for (const value of values) {
        const d = dims.length === 0 ? {} : { [dims[0]]: value };
        const key = cellKey(d);
        if (!sums.has(key)) sums.set(key, { dims: d, counts: Object.fromEntries(additive.map((c) => [c, 0])), histograms: {} });
      }
    }
  }

  const rowsOf = (dims: string[]): ReportRow[] => {
    const sorted = [...dims].sort();
    const present = [...sums.values()].filter((s) => Object.keys(s.dims).sort().join('+') === sorted.join('+'));
    const order = (s: { dims: Record<string, string> }) => dims.map((d) => (spec.values[d] ?? []).indexOf(s.dims[d]));
    present.sort((a, b) => {
      const [oa, ob] = [order(a), order(b)];
      for (let i = 0; i < oa.length; i++) if (oa[i] !== ob[i]) return oa[i] - ob[i];
      return 0;
    });
    const keep = dims.length === 1 ? present : present.filter((s) => additive.some((c) => s.counts[c] !== 0));
    return keep.map((s) => ({ key: dims.map((d) => s.dims[d]).join('/'), dims: s.dims, cells: {} }));
  };

  const tables = spec.tables.map((table) => ({ table, rows: [...rowsOf(table.dimensions), { key: TOTAL, dims: {}, cells: {} }] }));
  const visible = new Set(tables.flatMap(({ rows }) => rows.map((row) => cellKey(row.dims))));
  const hiddenColumns = new Set(spec.columns.filter((c) => c.kind === 'count' && c.hidden).map((c) => c.key));

  const disclosure = new Disclosure();
  const id = (dims: Record<string, string>, column: string) => `${cellKey(dims)}|${column}`;
  for (const [key, sum] of sums) {
    for (const column of additive) {
      disclosure.count(id(sum.dims, column), sum.counts[column] ?? 0, { visible: visible.has(key) && counts.includes(column) && !hiddenColumns.has(column) });
    }
  }
  // Lines across rows: for each combination and each of its dimensions, the values of that dimension add up.
  for (const dims of combos.values()) {
    for (const dim of dims) {
      const rest = dims.filter((d) => d !== dim);
      const byRest = new Map<string, { total: Record<string, string>; parts: Record<string, string>[] }>();
      for (const sum of sums.values()) {
        if (Object.keys(sum.dims).sort().join('+') !== dims.join('+')) continue;
        const total = Object.fromEntries(rest.map((d) => [d, sum.dims[d]]));
        const entry = byRest.get(cellKey(total)) ?? { total, parts: [] };
        entry.parts.push(sum.dims);
        byRest.set(cellKey(total), entry);
      }
      for (const { total, parts } of byRest.values()) {
        if (!sums.has(cellKey(total))) continue;
        for (const column of additive) disclosure.line(parts.map((p) => id(p, column)), id(total, column));
      }
    }
  }
  // Lines within a row: partitions, and each subset with its remainder.
  for (const sum of sums.values()) {
    for (const partition of spec.partitions ?? []) disclosure.line(partition.parts.map((p) => id(sum.dims, p)), id(sum.dims, partition.total));
    for (const subset of subsets) disclosure.line([id(sum.dims, subset.part), id(sum.dims, `${subset.part}~rest`)], id(sum.dims, subset.total));
  }

  const columns = spec.columns.filter((c) => !(c.kind === 'count' && c.hidden)).map((c) => ({ key: c.key, kind: c.kind }));
  for (const { rows } of tables) {
    for (const row of rows) {
      const sum = sums.get(cellKey(row.dims))!;
      for (const column of spec.columns) {
        if (column.kind === 'count') {
          if (!column.hidden) row.cells[column.key] = disclosure.figure(id(row.dims, column.key));
        } else if ('external' in column) {
          row.cells[column.key] = statisticFigure(column.kind, column.external(row));
        } else if (column.kind === 'share') {
          const figureId = id(row.dims, column.key);
          disclosure.share(figureId, id(row.dims, column.numerator), id(row.dims, column.denominator));
          row.cells[column.key] = disclosure.figure(figureId);
        } else {
          const bins = sum.histograms[column.histogram] ?? [];
          const value = percentileOfHistogram(bins, column.p);
          const figureId = id(row.dims, column.key);
          disclosure.statistic(figureId, column.kind, value === null ? null : value / (column.scale ?? 1), histogramSize(bins));
          row.cells[column.key] = disclosure.figure(figureId);
        }
      }
    }
  }
  return { tables: tables.map(({ table, rows }) => ({ id: table.id, dimensions: table.dimensions, columns, rows })), disclosure };
}

function statisticFigure(kind: FigureKind, input: { value: number | null; n: number } | undefined): Figure {
  if (!input || input.n === 0 || input.value === null) return { value: null, display: NOT_APPLICABLE };
  if (input.n < SUPPRESSION_THRESHOLD) return { value: null, display: SUPPRESSED };
  return { value: input.value, display: formatFigure(kind, input.value) };
}

function cellKey(dims: Record<string, string>): string {
  return Object.keys(dims)
    .sort()
    .map((d) => `${d}=${dims[d]}`)
    .join('&');
}
