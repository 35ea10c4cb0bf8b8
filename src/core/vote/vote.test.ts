import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseVote, voteDelta, type VoteValue } from './vote.js';

test('changing a vote moves the counters by exactly the difference', () => {
  const values: VoteValue[] = [-1, 0, 1];
  for (const from of values) {
    for (const to of values) {
      const d = voteDelta(from, to);
      const up = (from === 1 ? 1 : 0) + d.up;
      const down = (from === -1 ? 1 : 0) + d.down;
      assert.deepEqual([up, down], [to === 1 ? 1 : 0, to === -1 ? 1 : 0], `${from} → ${to}`);
    }
  }
});

test('only 1, -1 and 0 are votes', () => {
  for (const v of [1, -1, 0]) assert.ok(parseVote(v).ok);
  for (const v of [2, '1', null, 0.5, true]) assert.equal(parseVote(v).ok, false);
});
