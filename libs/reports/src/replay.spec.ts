import { describe, expect, it } from '@jest/globals';
import { compareReplay, type ReplayedIntake } from './replay.js';

const row = (intakeId: string, before: [string, string], after: [string, string], urgent = false): ReplayedIntake => ({
  intakeId,
  before: { level: before[0] as never, route: before[1] as never, rulesetVersion: '1.0.0', urgent: false },
  after: { level: after[0] as never, route: after[1] as never, urgent },
});

describe('compareReplay', () => {
  it('counts the route and level changes with example intakes, and the worklist totals before and after', () => {
    const result = compareReplay(
      [
        row('a', ['undetermined', 'triage'], ['base', 'mobiliteitsteam']),
        row('b', ['undetermined', 'triage'], ['base', 'mobiliteitsteam']),
        row('c', ['top', 'werkbedrijf'], ['top', 'werkbedrijf']),
        row('d', ['middle', 'mobiliteitsteam'], ['middle', 'triage'], true),
      ],
      1,
    );
    expect(result).toMatchObject({ replayed: 4, changed: 3, baselineVersions: ['1.0.0'], urgentBefore: 0, urgentAfter: 1 });
    expect(result.routeChanges).toEqual([
      { from: 'triage', to: 'mobiliteitsteam', count: 2, exampleIntakeIds: ['a'] },
      { from: 'mobiliteitsteam', to: 'triage', count: 1, exampleIntakeIds: ['d'] },
    ]);
    expect(result.levelChanges).toEqual([{ from: 'undetermined', to: 'base', count: 2, exampleIntakeIds: ['a'] }]);
    expect(result.routesBefore).toEqual({ triage: 2, werkbedrijf: 1, mobiliteitsteam: 1 });
    expect(result.routesAfter).toEqual({ mobiliteitsteam: 2, werkbedrijf: 1, triage: 1 });
  });
});
