import { describe, expect, it } from '@jest/globals';
import { planChange, type CaseState } from './case-change.js';

const worker = '00000000-0000-4000-8000-000000000001';
const colleague = '00000000-0000-4000-8000-000000000002';
const fresh: CaseState = { status: 'new', assignedTo: null, regionCode: 'AM26', team: 'werkbedrijf' };
const held: CaseState = { status: 'in_progress', assignedTo: worker, regionCode: 'AM26', team: 'werkbedrijf' };
const closed: CaseState = { status: 'closed', assignedTo: worker, regionCode: 'AM26', team: 'werkbedrijf' };

describe('planChange: what the case writer lets through', () => {
  it('claiming a new case assigns it to the claimer', () => {
    expect(planChange(fresh, { event: 'claimed', status: 'assigned', assignedTo: worker })).toMatchObject({ ok: true, status: 'assigned', assignedTo: worker, statusChanged: true });
  });

  it('refuses a transition that is not in the table, naming the field', () => {
    expect(planChange(fresh, { event: 'status_changed', status: 'in_progress' })).toMatchObject({ ok: false, field: 'status' });
    expect(planChange(held, { event: 'status_changed', status: 'in_progress' })).toMatchObject({ ok: false });
  });

  it('closing needs a result, and only closing takes one', () => {
    expect(planChange(held, { event: 'status_changed', status: 'closed' })).toMatchObject({ ok: false, field: 'result' });
    expect(planChange(held, { event: 'status_changed', status: 'closed', result: 'placed_in_work' })).toMatchObject({ ok: true, status: 'closed' });
    expect(planChange(held, { event: 'note_added', result: 'referred' })).toMatchObject({ ok: false, field: 'result' });
  });

  it('a closed case stays closed: no status, assignment, move or flag, and only retention or cancelled hand-offs are recorded', () => {
    expect(planChange(closed, { event: 'status_changed', status: 'in_progress' }).ok).toBe(false);
    expect(planChange(closed, { event: 'assigned', assignedTo: colleague }).ok).toBe(false);
    expect(planChange(closed, { event: 'handoff_accepted', landOn: { regionCode: 'AM26', team: 'wsp', level: 'top' } }).ok).toBe(false);
    expect(planChange(closed, { event: 'sla_escalated', flag: 'escalated' }).ok).toBe(false);
    expect(planChange(closed, { event: 'note_added' }).ok).toBe(false);
    expect(planChange(closed, { event: 'personal_data_removed' })).toMatchObject({ ok: true, status: 'closed' });
    expect(planChange(closed, { event: 'handoff_cancelled' })).toMatchObject({ ok: true, status: 'closed' });
  });

  it('an open case is unassigned exactly when it is new', () => {
    expect(planChange(fresh, { event: 'assigned', assignedTo: worker })).toMatchObject({ ok: false, field: 'assigneeId' });
    expect(planChange(held, { event: 'released', assignedTo: null })).toMatchObject({ ok: false, field: 'assigneeId' });
    expect(planChange(held, { event: 'released', status: 'new', assignedTo: null })).toMatchObject({ ok: true, status: 'new', assignedTo: null });
    expect(planChange(held, { event: 'assigned', assignedTo: colleague })).toMatchObject({ ok: true, status: 'in_progress', assignedTo: colleague, statusChanged: false });
  });

  it('landing on a worklist makes the case new and unassigned, and takes nothing else', () => {
    expect(planChange(held, { event: 'handoff_accepted', landOn: { regionCode: 'AM26', team: 'wsp', level: 'top' } })).toMatchObject({
      ok: true,
      status: 'new',
      assignedTo: null,
      landed: true,
    });
    expect(planChange(held, { event: 'handoff_accepted', landOn: { regionCode: 'AM26', team: 'wsp', level: 'top' }, assignedTo: worker }).ok).toBe(false);
  });
});
