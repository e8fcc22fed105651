import { describe, expect, it } from '@jest/globals';
import { worklistFor } from './worklist-for.js';

describe('worklistFor', () => {
  it('puts a routed intake on its team in its region', () => {
    expect(worklistFor({ route: 'werkbedrijf' }, 'AM26')).toEqual({ regionCode: 'AM26', team: 'werkbedrijf' });
    expect(worklistFor({ route: 'triage' }, 'AM18')).toEqual({ regionCode: 'AM18', team: 'triage' });
  });

  it('sends an intake without region to the national triage desk, whatever its route', () => {
    expect(worklistFor({ route: 'wsp' }, null)).toEqual({ regionCode: null, team: 'triage' });
  });

  it('opens no case for an out-of-scope referral', () => {
    expect(worklistFor({ route: 'none' }, 'AM26')).toBeNull();
  });
});
