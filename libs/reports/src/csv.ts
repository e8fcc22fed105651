import { stringify } from 'csv-stringify/sync';
import type { ReportTable } from './cube.js';

/**
 * CSV exports of the outcome reports, with exactly the figures of the JSON answer: a suppressed figure is written
 * as "< 5", a figure over nothing as "–" (their `display`). Shares are written as percentages, durations in working
 * days (one decimal) or working hours.
 */

/** One table: a column per dimension (the total row says "total"), then one per figure. */
export function tableCsv(table: ReportTable): string {
  const header = [...table.dimensions, ...table.columns.map((column) => column.key)];
  const rows = table.rows.map((row) => [
    ...table.dimensions.map((dimension, i) => (row.key === 'total' ? (i === 0 ? 'total' : '') : (row.dims[dimension] ?? ''))),
    ...table.columns.map((column) => row.cells[column.key]?.display ?? ''),
  ]);
  return stringify([header, ...rows], { record_delimiter: '\r\n' });
}

/** Every table of a report in one file, one figure per line: table, row, column, value. */
export function reportCsv(tables: readonly ReportTable[]): string {
  const lines: string[][] = [['table', 'row', 'column', 'value']];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const column of table.columns) lines.push([table.id, row.key, column.key, row.cells[column.key]?.display ?? '']);
    }
  }
  return stringify(lines, { record_delimiter: '\r\n' });
}
