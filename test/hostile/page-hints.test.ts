import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { describeRange, textHash } from '../../src/core/anchoring/index.js';
import { createTestApp, ORIGIN, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const URL_A = 'https://news.example.org/columns/hinted';
const QUOTE = 'the council met on Tuesday';
/** A plausible article around the quote, `n` characters long. */
const article = (n: number, seed = '') => `${seed}In a long session, ${QUOTE} to discuss the budget. `.padEnd(n, ' More words follow.');
const selector = (text: string) => {
  const start = text.indexOf(QUOTE);
  return describeRange(text, start, start + QUOTE.length);
};

/**
 * `POST /api/v1/pages/hint` stores text a browser reports, without authentication. It must not be a way to fill the
 * disk: a passage comment naming the hash of a huge text, then that text as a hint, stored 9.7 MB a minute before.
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: page-text hints cannot fill the disk`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await createTestApp({ engine, config: { rateLimit: 'on', rateLimitWrites: '1000' } });
    });
    afterEach(() => t?.close());
    after(() => undefined);

    const comment = (text: string, quoteText = text) => t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
      payload: { site: SITE, url: URL_A, body: 'on a passage', author: { name: 'R' }, passage: { selector: selector(quoteText), textHash: textHash(text) } },
    });
    const hint = (text: string, ip = '203.0.113.9') => t.app.inject({ method: 'POST', url: '/api/v1/pages/hint', remoteAddress: ip, headers: { origin: ORIGIN }, payload: { site: SITE, url: URL_A, text } });
    const stored = async () => {
      const rows = await t.parley.storage.db.selectFrom('page_texts').select(['text']).execute();
      return { count: rows.length, chars: rows.reduce((n, r) => n + r.text.length, 0) };
    };

    test('a hint longer than any plausible article is refused with TEXT_TOO_LONG', async () => {
      const huge = article(1_000_000);
      assert.equal((await comment(huge)).statusCode, 201);
      const res = await hint(huge);
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().error.code, 'TEXT_TOO_LONG');
      assert.deepEqual(await stored(), { count: 0, chars: 0 });
    });

    test('a hint is kept only when it holds the quote of a passage comment made on it, at its place', async () => {
      const text = article(5000);
      const other = article(5000, 'Another text. ');
      assert.equal((await comment(other, text)).statusCode, 201, 'a comment naming the hash of `other` with a quote placed in `text`');
      assert.equal((await hint(other)).statusCode, 204);
      assert.equal((await stored()).count, 0, 'the quote is not at its stored place in that text');
      assert.equal((await comment(text)).statusCode, 201);
      assert.equal((await hint(text)).statusCode, 204);
      assert.equal((await stored()).count, 1);
    });

    test('at most 3 hints are kept per page', async () => {
      for (let i = 0; i < 6; i++) {
        const text = article(3000, `Version ${i}. `);
        assert.equal((await comment(text)).statusCode, 201);
        assert.equal((await hint(text, `203.0.113.${i}`)).statusCode, 204);
      }
      assert.equal((await stored()).count, 3);
    });

    test('hints are rate-limited per client: 10 an hour', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await hint(article(2000, `V${i}. `))).statusCode);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(204));
      assert.deepEqual(statuses.slice(10), [429, 429]);
    });
  });
}
