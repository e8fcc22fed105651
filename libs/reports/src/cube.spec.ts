import { describe, expect, it } from '@jest/globals';
import { buildCube, type CubeSpec } from './cube.js';

const spec: CubeSpec = {
  tables: [
    { id: 'byLevel', dimensions: ['level'] },
    { id: 'byLevelAndTeam', dimensions: ['level', 'team'] },
  ],
  values: { level: ['top', 'middle'], team: ['werkbedrijf', 'wsp'] },
  columns: [
    { key: 'closed', kind: 'count' },
    { key: 'placed', kind: 'count' },
    { key: 'other', kind: 'count' },
    { key: 'placedShare', kind: 'share', numerator: 'placed', denominator: 'closed' },
    { key: 'medianDays', kind: 'days', histogram: 'close', p: 0.5, scale: 10 },
  ],
  partitions: [{ parts: ['placed', 'other'], total: 'closed' }],
};

const display = (table: { rows: { key: string; cells: Record<string, { display: string }> }[] }) =>
  Object.fromEntries(table.rows.map((row) => [row.key, Object.values(row.cells).map((cell) => cell.display)]));

describe('buildCube', () => {
  it('adds the groups up into tables with a total row, every value of a single dimension, and protects linked tables together', () => {
    const { tables } = buildCube(spec, [
      { dims: { level: 'top', team: 'werkbedrijf' }, counts: { closed: 10, placed: 6, other: 4 }, histograms: { close: [{ value: 20, count: 4 }, { value: 35, count: 6 }] } },
      { dims: { level: 'top', team: 'wsp' }, counts: { closed: 8, placed: 8, other: 0 }, histograms: { close: [{ value: 10, count: 8 }] } },
      { dims: { level: 'middle', team: 'wsp' }, counts: { closed: 9, placed: 0, other: 9 }, histograms: { close: [{ value: 5, count: 9 }] } },
    ]);
    expect(tables.map((t) => t.id)).toEqual(['byLevel', 'byLevelAndTeam']);
    // top/werkbedrijf: other 4 is "< 5", so placed 6 would follow from 10 − 4: "x". top's other is 4 too, so top's
    // placed (14) and closed (18) cannot both show; and so on through the linked rows and columns until no line has a
    // single unknown: what is left shown (27 closed, the zeros, top/werkbedrijf's 10) gives nothing away.
    expect(display(tables[1])).toEqual({
      'top/werkbedrijf': ['10', 'x', '< 5', 'x', '3.5'],
      'top/wsp': ['x', 'x', '0', 'x', '1.0'],
      'middle/wsp': ['x', '0', 'x', 'x', '0.5'],
      total: ['27', 'x', 'x', 'x', '1.0'],
    });
    expect(display(tables[0])).toEqual({
      top: ['x', 'x', '< 5', 'x', '2.0'],
      middle: ['x', '0', 'x', 'x', '0.5'],
      total: ['27', 'x', 'x', 'x', '1.0'],
    });
  });
});
