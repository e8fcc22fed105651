import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '#libs/calendar';
import { nextDue, resumeClocks, slaTargetFor, startClocks, warningAt } from './sla.js';

const calendar = new WorkingDayCalendar();
const at = (iso: string) => new Date(iso);

describe('SLA targets', () => {
  it('uses the level default, the triage default, a team-wide and a per-level region setting, in that precedence', () => {
    expect(slaTargetFor('mobiliteitsteam', 'middle')).toEqual({ firstContactDays: 2, closeDays: 40 });
    expect(slaTargetFor('triage', 'top')).toEqual({ firstContactDays: 1, closeDays: 3 });
    const settings = { wsp: { '*': { firstContactDays: 4, closeDays: 20 }, top: { firstContactDays: 1, closeDays: 10 } } };
    expect(slaTargetFor('wsp', 'base', settings)).toEqual({ firstContactDays: 4, closeDays: 20 });
    expect(slaTargetFor('wsp', 'top', settings)).toEqual({ firstContactDays: 1, closeDays: 10 });
  });
});

describe('case clocks in working days', () => {
  it('skips the weekend and Dutch holidays', () => {
    // Thursday 23 April 2026, 10:00 Amsterdam; Koningsdag Monday 27 April is not a working day.
    const clocks = startClocks(calendar, at('2026-04-23T08:00:00Z'), { firstContactDays: 2, closeDays: 5 });
    expect(clocks.firstContactDueAt.toISOString()).toBe('2026-04-28T08:00:00.000Z');
    expect(clocks.closeDueAt.toISOString()).toBe('2026-05-01T08:00:00.000Z');
  });

  it('gives back the working time that was left when the clock paused', () => {
    // Due Friday 10:00; paused Wednesday 10:00 (2 working days left); resumed the next Monday 10:00.
    const clocks = { firstContactDueAt: null, closeDueAt: at('2026-06-12T08:00:00Z') };
    const resumed = resumeClocks(calendar, clocks, at('2026-06-10T08:00:00Z'), at('2026-06-15T08:00:00Z'));
    expect(resumed.closeDueAt?.toISOString()).toBe('2026-06-17T08:00:00.000Z');
  });

  it('keeps a deadline that had already passed when the clock paused', () => {
    const due = at('2026-06-08T08:00:00Z');
    const resumed = resumeClocks(calendar, { firstContactDueAt: due, closeDueAt: null }, at('2026-06-10T08:00:00Z'), at('2026-06-15T08:00:00Z'));
    expect(resumed.firstContactDueAt).toBe(due);
  });

  it('sorts by first contact until it happened, then by closing', () => {
    const clocks = { firstContactDueAt: at('2026-06-01T08:00:00Z'), closeDueAt: at('2026-07-01T08:00:00Z') };
    expect(nextDue(clocks, null)).toBe(clocks.firstContactDueAt);
    expect(nextDue(clocks, at('2026-05-30T08:00:00Z'))).toBe(clocks.closeDueAt);
  });

  it('warns a working day ahead, or a quarter of the working time ahead for short clocks', () => {
    // Due Wednesday 10 June 10:00 → warned Tuesday 10:00.
    expect(warningAt(calendar, at('2026-06-01T08:00:00Z'), at('2026-06-10T08:00:00Z')).toISOString()).toBe('2026-06-09T08:00:00.000Z');
    // Due Monday 15 June 10:00 → warned Friday 12 June 10:00, not on the Sunday.
    expect(warningAt(calendar, at('2026-06-01T08:00:00Z'), at('2026-06-15T08:00:00Z')).toISOString()).toBe('2026-06-12T08:00:00.000Z');
    // An 8-hour clock is warned 2 hours ahead.
    expect(warningAt(calendar, at('2026-06-01T08:00:00Z'), at('2026-06-01T16:00:00Z')).toISOString()).toBe('2026-06-01T14:00:00.000Z');
    // A deadline before its clock's start: no time to warn in, the warning falls on the deadline.
    expect(warningAt(calendar, at('2026-06-02T08:00:00Z'), at('2026-06-01T16:00:00Z')).toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });
});
