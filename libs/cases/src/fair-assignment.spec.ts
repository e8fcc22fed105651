import { describe, expect, it } from '@jest/globals';
import { assignFairly } from './fair-assignment.js';

const now = new Date('2026-06-01T10:00:00Z');

describe('assignFairly', () => {
  it('spreads cases over the least-loaded case workers', () => {
    const plan = assignFairly(['c1', 'c2', 'c3', 'c4'], [
      { id: 'anna', openCases: 2, maxOpenCases: 10, lastAssignedAt: null },
      { id: 'bram', openCases: 0, maxOpenCases: 10, lastAssignedAt: null },
    ], now);
    expect([...plan.entries()]).toEqual([['c1', 'bram'], ['c2', 'bram'], ['c3', 'anna'], ['c4', 'bram']]);
  });

  it('respects capacity and leaves cases waiting when everyone is full', () => {
    const plan = assignFairly(['c1', 'c2', 'c3'], [
      { id: 'anna', openCases: 4, maxOpenCases: 5, lastAssignedAt: null },
      { id: 'bram', openCases: 3, maxOpenCases: 3, lastAssignedAt: null },
    ], now);
    expect([...plan.entries()]).toEqual([['c1', 'anna']]);
  });

  it('breaks a tie in favour of whoever waited longest for a case', () => {
    const plan = assignFairly(['c1'], [
      { id: 'anna', openCases: 1, maxOpenCases: null, lastAssignedAt: new Date('2026-06-01T09:00:00Z') },
      { id: 'bram', openCases: 1, maxOpenCases: null, lastAssignedAt: new Date('2026-05-31T09:00:00Z') },
    ], now);
    expect(plan.get('c1')).toBe('bram');
  });

  it('assigns nothing without candidates', () => {
    expect(assignFairly(['c1'], [], now).size).toBe(0);
  });
});
