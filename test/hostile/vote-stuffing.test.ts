import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, post, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

/**
 * Vote stuffing: the voter key is the client's choice, so one IP could add a vote per made-up key (limited only by
 * RATE_LIMIT_VOTES). Now one network (IP) counts at most 5 votes on one comment; other networks are not affected.
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: votes per network per comment`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());
    const vote = (id: string, key: string, ip: string, value = 1) => t.app.inject({
      method: 'POST', url: `/api/v1/comments/${id}/vote`, remoteAddress: ip,
      headers: { origin: ORIGIN, 'x-parley-voter': key }, payload: { value },
    });

    test('made-up voter keys from one IP count at most 5 times on one comment', async () => {
      const { comment } = await post(t.app, { body: 'vote on me' });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await vote(comment.id, `stuffer-key-${String(i).padStart(8, '0')}`, '198.51.100.9')).statusCode);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
      const refused = await vote(comment.id, 'stuffer-key-99999999', '198.51.100.9');
      assert.equal(refused.json().error.code, 'RATE_LIMITED');
      // a voter already counted may still change or take back their vote
      assert.equal((await vote(comment.id, 'stuffer-key-00000000', '198.51.100.9', -1)).json().score, 3);
      assert.equal((await vote(comment.id, 'stuffer-key-00000001', '198.51.100.9', 0)).statusCode, 200);
      // a freed place can be taken; other networks are not affected
      assert.equal((await vote(comment.id, 'stuffer-key-00000005', '198.51.100.9')).statusCode, 200);
      assert.equal((await vote(comment.id, 'another-reader-0001', '203.0.113.4')).statusCode, 200);
    });
  });
}
