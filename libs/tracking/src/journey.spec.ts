import { describe, expect, it } from '@jest/globals';
import type { Case, CaseEvent } from '#libs/cases';
import { citizenJourney } from './journey.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
const kase = (id: string, reference: string, team: string) => ({ id, reference, team, result: null }) as unknown as Case;
let nextId = 1;
const event = (caseId: string, minute: number, type: string, extra: Partial<CaseEvent> = {}) =>
  ({ id: String(nextId++), caseId, at: at(minute), type, data: {}, toStatus: null, ...extra }) as unknown as CaseEvent;

describe('citizenJourney', () => {
  it('tells the way of a question across its cases without staff details', () => {
    const steps = citizenJourney(
      at(0),
      [kase('a', 'WL-1', 'mobiliteitsteam'), kase('b', 'WL-2', 'werkbedrijf')],
      [
        event('a', 1, 'created', { data: { route: 'triage' } }),
        event('a', 5, 'classified_by_hand', { data: { to: { team: 'mobiliteitsteam' } } }),
        event('a', 6, 'claimed', { toStatus: 'assigned' }),
        event('a', 7, 'status_changed', { toStatus: 'in_progress' }),
        event('a', 8, 'note_added'),
        event('b', 9, 'created', { data: {} }),
        event('a', 10, 'status_changed', { toStatus: 'waiting_for_citizen' }),
        event('a', 11, 'status_changed', { toStatus: 'in_progress' }),
        event('a', 12, 'status_changed', { toStatus: 'closed', data: { result: 'placed_in_work' } }),
      ],
    );
    expect(steps.map((s) => [s.step, s.team, s.caseReference, s.result])).toEqual([
      ['received', null, null, null],
      ['routed', 'triage', 'WL-1', null],
      ['routed', 'mobiliteitsteam', 'WL-1', null],
      ['in_progress', 'mobiliteitsteam', 'WL-1', null],
      ['routed', 'werkbedrijf', 'WL-2', null],
      ['waiting', 'mobiliteitsteam', 'WL-1', null],
      ['in_progress', 'mobiliteitsteam', 'WL-1', null],
      ['closed', 'mobiliteitsteam', 'WL-1', 'placed_in_work'],
    ]);
  });
});
