import { describe, expect, it } from '@jest/globals';
import { BODIES, type IntakeRecord } from './client.js';
import { tally, type StoredIntake } from './verify.js';

const record = (index: number, trackingCode?: string): IntakeRecord => ({ index, key: `k${index}`, body: BODIES[0], attempts: 1, trackingCode });
const row = (index: number, overrides: Partial<StoredIntake> = {}): StoredIntake => ({
  id: `id${index}`,
  tracking_code: `t${index}`,
  idempotency_key: `k${index}`,
  region_code: 'AM18',
  classified: true,
  route: 'wsp',
  parked: false,
  cases: 1,
  ...overrides,
});
const healthy = (): boolean => false;

describe('the fault suite’s counts', () => {
  it('counts an accepted intake with one routing case as routed, and nothing else', () => {
    expect(tally([record(1, 't1')], [row(1)], healthy)).toMatchObject({ accepted: 1, routed: 1, lost: 0, duplicated: 0, stuck: 0 });
  });

  it('counts a 201 whose tracking code is not stored as lost', () => {
    expect(tally([record(1, 't1'), record(2, 't2')], [row(1)], healthy)).toMatchObject({ accepted: 2, routed: 1, lost: 1 });
  });

  it('counts two routing cases for an intake, and a second intake for an accepted key, as duplicates', () => {
    expect(tally([record(1, 't1')], [row(1, { cases: 2 })], healthy)).toMatchObject({ routed: 0, duplicated: 1, stuck: 0 });
    expect(tally([record(1, 't1')], [row(1), row(9, { idempotency_key: 'k1' })], healthy)).toMatchObject({ routed: 1, duplicated: 1 });
  });

  it('does not count the stored intake of a client that never got its 201 as a duplicate', () => {
    expect(tally([record(1, 't1'), record(2)], [row(1), row(2)], healthy)).toMatchObject({ accepted: 1, duplicated: 0, unacknowledged: 1 });
  });

  it('counts an unrouted intake as stuck, also when it was parked as routing_failed in a healthy region', () => {
    const t = tally([record(1, 't1'), record(2, 't2')], [row(1, { classified: false, cases: 0 }), row(2, { classified: false, cases: 0, parked: true })], healthy);
    expect(t).toMatchObject({ routed: 0, stuck: 2, parkedUnexpectedly: 1 });
  });

  it('counts a parked intake of the failing region as failed-as-expected, and a routed one as the fault not biting', () => {
    const failing = (region: string | null): boolean => region === 'AM26';
    const t = tally(
      [record(1, 't1'), record(2, 't2'), record(3, 't3'), record(4, 't4')],
      [row(1, { region_code: 'AM26', classified: false, cases: 0, parked: true }), row(2, { region_code: 'AM26' }), row(3, { region_code: 'AM26', classified: false, cases: 0 }), row(4)],
      failing,
    );
    expect(t).toMatchObject({ routed: 1, failedAsExpected: 1, routedDespiteFault: 1, stuck: 1, failedIntakeIds: ['id1'], failedTrackingCodes: ['t1'] });
  });

  it('counts an intake classified out of scope (route none, no case) as routed', () => {
    expect(tally([record(1, 't1')], [row(1, { route: 'none', cases: 0 })], healthy)).toMatchObject({ routed: 1, stuck: 0 });
  });
});
