import { describe, expect, it } from '@jest/globals';
import { Disclosure, isSmall } from './disclosure.js';

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5 and more', () => {
    expect([0, 1, 4, 5, 100].map(isSmall)).toEqual([false, true, true, false, false]);
    const d = new Disclosure();
    d.count('zero', 0);
    d.count('three', 3);
    d.count('five', 5);
    expect(d.figure('zero')).toEqual({ value: 0, display: '0' });
    expect(d.figure('three')).toEqual({ value: null, display: '< 5' });
    expect(d.figure('five')).toEqual({ value: 5, display: '5' });
  });

  it('hides a second cell when a total and all but one cell of a line are shown', () => {
    const d = new Disclosure();
    d.count('a', 3);
    d.count('b', 12);
    d.count('c', 7);
    d.count('t', 22);
    d.line(['a', 'b', 'c'], 't');
    // a alone would be t - b - c: the smallest other non-zero part (c) goes too.
    expect(d.hiddenCounts()).toEqual(['a', 'c']);
    expect(d.figure('a')).toEqual({ value: null, display: '< 5' });
    // Hidden to protect a, not small itself: it does not say "< 5".
    expect(d.figure('c')).toEqual({ value: null, display: 'x' });
    expect(d.figure('b').display).toBe('12');
    expect(d.figure('t').display).toBe('22');
  });

  it('keeps going across linked lines until nothing can be worked out', () => {
    // A 2 × 2 table with margins: hiding one inner cell forces its row, its column and then the opposite corner.
    const d = new Disclosure();
    const cells: Record<string, number> = { a1: 2, a2: 10, b1: 8, b2: 9, a: 12, b: 17, c1: 10, c2: 19, t: 29 };
    for (const [id, value] of Object.entries(cells)) d.count(id, value);
    d.line(['a1', 'a2'], 'a');
    d.line(['b1', 'b2'], 'b');
    d.line(['a1', 'b1'], 'c1');
    d.line(['a2', 'b2'], 'c2');
    d.line(['a', 'b'], 't');
    d.line(['c1', 'c2'], 't');
    expect(d.hiddenCounts()).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('hides a count whose remainder of its total is small (96 of 100 within the norm gives away 4)', () => {
    const d = new Disclosure();
    d.count('due', 100);
    d.count('within', 96);
    d.count('late', 4, { visible: false });
    d.line(['within', 'late'], 'due');
    d.share('share', 'within', 'due');
    expect(d.figure('within')).toEqual({ value: null, display: 'x' });
    expect(d.figure('share')).toEqual({ value: null, display: 'x' });
    expect(d.figure('due').display).toBe('100');
  });

  it('shows a share only of 5 or more cases with a shown numerator; of nothing it is not applicable', () => {
    const d = new Disclosure();
    d.count('n0', 0);
    d.count('n4', 4);
    d.count('n8', 8);
    d.count('k0', 0);
    d.count('k6', 6);
    d.share('of-nothing', 'k0', 'n0');
    d.share('of-four', 'k0', 'n4');
    d.share('six-of-eight', 'k6', 'n8');
    expect(d.figure('of-nothing')).toEqual({ value: null, display: '–' });
    expect(d.figure('of-four')).toEqual({ value: null, display: '< 5' });
    expect(d.figure('six-of-eight')).toEqual({ value: 0.75, display: '75.0%' });
  });

  it('shows a median only when computed from 5 or more cases', () => {
    const d = new Disclosure();
    d.statistic('m4', 'days', 1.5, 4);
    d.statistic('m5', 'days', 1.5, 5);
    d.statistic('m0', 'days', null, 0);
    expect(d.figure('m4')).toEqual({ value: null, display: '< 5' });
    expect(d.figure('m5')).toEqual({ value: 1.5, display: '1.5' });
    expect(d.figure('m0')).toEqual({ value: null, display: '–' });
  });

  it('refuses lines that do not add up', () => {
    const d = new Disclosure();
    d.count('a', 1);
    d.count('t', 5);
    expect(() => d.line(['a'], 't')).toThrow(/Line/);
  });
});
