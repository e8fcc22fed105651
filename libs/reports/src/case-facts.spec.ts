import { describe, expect, it } from '@jest/globals';
import { caseFacts, handoffFacts, type CaseSource } from './case-facts.js';
import { WorkingTimeIndex } from './working-time.js';

const time = new WorkingTimeIndex();
// Monday 2 March 2026, 09:00 in Amsterdam.
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));

const source: CaseSource = {
  id: 'c', origin: 'routing', regionCode: 'AM26', team: 'werkbedrijf', level: 'top', result: 'placed_in_work', urgent: false,
  clockStartedAt: at(2, 8), firstContactAt: at(3, 20), firstContactDueAt: at(5, 8), closeDueAt: at(27, 8), closedAt: at(13, 8), pausedAt: null,
  role: 'jobseeker', receivedAt: at(2, 8),
  classification: { level: 'top', route: 'werkbedrijf', secondaryRoutes: ['mobiliteitsteam'], referrals: [], urgent: false },
};

describe('caseFacts', () => {
  it('counts working time from landing to first contact and to closing, in tenths of a working day rounded up', () => {
    const facts = caseFacts(source, [], time);
    // Monday 09:00 to Tuesday 21:00 is 1.5 working days; to Friday 13 March 09:00 is 9.
    expect(facts).toMatchObject({ contactTenths: 15, closeTenths: 90, paused: false, pausedTenths: 0, hasSecondaryRoutes: true, hasReferrals: false });
    expect(facts).toMatchObject({ receivedWeek: '2026-03-02', landedWeek: '2026-03-02', closedWeek: '2026-03-09' });
  });

  it('adds up the waits for the citizen on the current team; a wait before landing or still going on adds no time', () => {
    const facts = caseFacts({ ...source, clockStartedAt: at(3, 8) }, [
      { at: at(2, 10), toStatus: 'waiting_for_citizen' },
      { at: at(3, 8), toStatus: 'new' },
      { at: at(4, 8), toStatus: 'waiting_for_citizen' },
      // Wednesday 09:00 to Monday 09:00: Wednesday, Thursday, Friday (the weekend does not count).
      { at: at(9, 8), toStatus: 'in_progress' },
      { at: at(10, 8), toStatus: 'waiting_for_citizen' },
    ], time);
    expect(facts).toMatchObject({ paused: true, pausedTenths: 30 });
  });

  it('hand-offs: working hours to the answer and whether it came by the deadline; a cancelled one has none', () => {
    const base = { id: 'h', caseId: 'c', fromRegionCode: 'AM26', fromTeam: 'werkbedrijf' as const, toRegionCode: 'AM26', toTeam: 'wsp' as const, requestedAt: at(6, 15), respondBy: at(10, 15), overdueAt: null };
    // Friday 16:00 to Monday 10:00: 8 hours on Friday, 10 on Monday.
    expect(handoffFacts({ ...base, status: 'accepted', respondedAt: at(9, 9) }, time)).toMatchObject({ responseHours: 18, answeredInTime: true, overdue: false });
    expect(handoffFacts({ ...base, status: 'cancelled', respondedAt: at(9, 9) }, time)).toMatchObject({ responseHours: null, answeredInTime: null });
  });
});
