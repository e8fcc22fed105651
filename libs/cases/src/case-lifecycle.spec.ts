import { describe, expect, it } from '@jest/globals';
import { CASE_STATUSES, checkTransition, citizenStatusOf, meansContact, overallCitizenStatus, type CaseStatus } from './case-lifecycle.js';

describe('case lifecycle', () => {
  it.each<[CaseStatus, CaseStatus, boolean]>([
    ['new', 'assigned', true],
    ['new', 'in_progress', false],
    ['assigned', 'in_progress', true],
    ['assigned', 'new', true],
    ['in_progress', 'waiting_for_citizen', true],
    ['waiting_for_citizen', 'in_progress', true],
    ['waiting_for_partner', 'assigned', false],
    ['in_progress', 'new', true],
    ['closed', 'in_progress', false],
    ['closed', 'new', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const result = to === 'closed' ? 'placed_in_work' : undefined;
    expect(checkTransition(from, to, result).ok).toBe(allowed);
  });

  it('needs a result to close, and takes one only when closing', () => {
    expect(checkTransition('in_progress', 'closed')).toEqual({ ok: false, reason: 'Closing a case needs a result.' });
    expect(checkTransition('in_progress', 'closed', 'work_to_work')).toEqual({ ok: true });
    expect(checkTransition('assigned', 'in_progress', 'referred').ok).toBe(false);
  });

  it('explains a refused transition with the allowed ones', () => {
    const check = checkTransition('new', 'waiting_for_partner');
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('allowed: assigned, closed') });
  });

  it('maps every internal status to a citizen-facing one', () => {
    expect(CASE_STATUSES.map(citizenStatusOf)).toEqual(['routed', 'routed', 'in_progress', 'waiting', 'waiting', 'closed']);
  });

  it('counts as first contact only what reached the person', () => {
    expect(meansContact('in_progress')).toBe(true);
    expect(meansContact('waiting_for_citizen')).toBe(true);
    expect(meansContact('waiting_for_partner')).toBe(false);
    expect(meansContact('closed', 'placed_in_work')).toBe(true);
    expect(meansContact('closed', 'no_contact')).toBe(false);
    expect(meansContact('closed', 'withdrawn')).toBe(false);
  });

  it('shows the citizen the most active of their cases, closed only when all are', () => {
    expect(overallCitizenStatus(['closed', 'in_progress'])).toBe('in_progress');
    expect(overallCitizenStatus(['new', 'waiting_for_partner'])).toBe('waiting');
    expect(overallCitizenStatus(['closed', 'assigned'])).toBe('routed');
    expect(overallCitizenStatus(['closed', 'closed'])).toBe('closed');
  });
});
