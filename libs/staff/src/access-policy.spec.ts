import { describe, expect, it } from '@jest/globals';
import { canWorkOn, isCoordinatorOf, type Actor } from './access-policy.js';

const actor = (overrides: Partial<Actor>): Actor => ({
  id: 'x', username: 'x', role: 'case_worker', regionCodes: ['AM26'], teams: ['wsp'], ...overrides,
});

describe('access policy', () => {
  it('lets a case worker reach only their own region and team', () => {
    const worker = actor({});
    expect(canWorkOn(worker, { regionCode: 'AM26', team: 'wsp' })).toBe(true);
    expect(canWorkOn(worker, { regionCode: 'AM26', team: 'triage' })).toBe(false);
    expect(canWorkOn(worker, { regionCode: 'AM28', team: 'wsp' })).toBe(false);
    expect(canWorkOn(worker, { regionCode: null, team: 'wsp' })).toBe(false);
  });

  it('reaches the national worklist only with the national scope', () => {
    expect(canWorkOn(actor({ regionCodes: ['national'], teams: ['triage'] }), { regionCode: null, team: 'triage' })).toBe(true);
  });

  it('gives admins everything and analysts no cases', () => {
    expect(canWorkOn(actor({ role: 'admin', regionCodes: [], teams: [] }), { regionCode: 'AM01', team: 'werkbedrijf' })).toBe(true);
    expect(canWorkOn(actor({ role: 'analyst' }), { regionCode: 'AM26', team: 'wsp' })).toBe(false);
  });

  it('makes a coordinator lead only their own worklists', () => {
    const lead = actor({ role: 'coordinator', teams: ['wsp', 'triage'] });
    expect(isCoordinatorOf(lead, { regionCode: 'AM26', team: 'triage' })).toBe(true);
    expect(isCoordinatorOf(lead, { regionCode: 'AM25', team: 'triage' })).toBe(false);
    expect(isCoordinatorOf(actor({}), { regionCode: 'AM26', team: 'wsp' })).toBe(false);
  });
});
