import { describe, expect, it } from '@jest/globals';
import { decodeWorklistCursor, encodeWorklistCursor, rangesAfter, type WorklistPosition } from './worklist-page.js';

const position: WorklistPosition = {
  urgent: true,
  nextDueAt: '2026-03-02T16:00:00.000000Z',
  createdAt: '2026-02-27T09:14:03.123456Z',
  id: '0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f',
};
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('worklist cursors', () => {
  it('give back the exact position, microseconds included, with or without a deadline', () => {
    expect(decodeWorklistCursor(encodeWorklistCursor(position))).toEqual(position);
    const noDeadline = { ...position, urgent: false, nextDueAt: null };
    expect(decodeWorklistCursor(encodeWorklistCursor(noDeadline))).toEqual(noDeadline);
    expect(encodeWorklistCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse anything this service did not write', () => {
    const valid = [1, 1, position.nextDueAt, position.createdAt, position.id];
    const refused = [
      '',
      'abc',
      'not a cursor',
      `${encodeWorklistCursor(position)}=`,
      encodeWorklistCursor(position).slice(0, -2),
      'x'.repeat(201),
      encode({ urgent: true }),
      encode([2, ...valid.slice(1)]),
      encode([1, true, ...valid.slice(2)]),
      encode([1, 1, '2026-03-02T16:00:00Z', position.createdAt, position.id]),
      encode([1, 1, position.nextDueAt, '2026-13-45T99:00:00.000000Z', position.id]),
      encode([1, 1, position.nextDueAt, position.createdAt, 'not-a-uuid']),
      encode([1, 1, position.nextDueAt, position.createdAt, position.id.toUpperCase()]),
      encode([...valid, 'more']),
      // The same position spelled otherwise (spaces in the JSON) is not our spelling.
      Buffer.from(JSON.stringify(valid, null, 1)).toString('base64url'),
    ];
    for (const cursor of refused) expect({ cursor, position: decodeWorklistCursor(cursor) }).toEqual({ cursor, position: null });
    expect(decodeWorklistCursor(encode(valid))).toEqual(position);
  });
});

describe('the index runs after a position', () => {
  it('read the whole worklist from the start without a position', () => {
    expect(rangesAfter(null)).toEqual([{ where: 'TRUE', params: {} }]);
  });

  it('finish the urgency and deadline group, then the cases without a deadline, then the non-urgent ones', () => {
    const ranges = rangesAfter(position);
    expect(ranges.map((range) => range.where)).toEqual([
      expect.stringContaining('(c.next_due_at, c.created_at, c.id) >'),
      'c.urgent = :afterUrgent AND c.next_due_at IS NULL',
      'c.urgent = FALSE',
    ]);
    expect(ranges[0].params).toEqual({ afterUrgent: true, afterDueAt: position.nextDueAt, afterCreatedAt: position.createdAt, afterId: position.id });
  });

  it('after a case without a deadline, continue among those; after a non-urgent case, nothing else follows', () => {
    expect(rangesAfter({ ...position, nextDueAt: null }).map((range) => range.where)).toEqual([
      expect.stringContaining('c.next_due_at IS NULL AND (c.created_at, c.id) >'),
      'c.urgent = FALSE',
    ]);
    expect(rangesAfter({ ...position, urgent: false, nextDueAt: null })).toHaveLength(1);
    expect(rangesAfter({ ...position, urgent: false })).toHaveLength(2);
  });
});
