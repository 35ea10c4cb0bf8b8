import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ERROR_STATUS } from '../../src/server/http/error-status.js';
import { ENGINES } from '../support/engines.js';
import { FuzzFixture, type WireAnswer } from '../support/fuzz-fixture.js';
import { mutations } from '../support/fuzz-mutations.js';
import { wireOf, type FuzzRequest } from '../support/fuzz-requests.js';

/**
 * Property-based fuzzing of every route of the OpenAPI document (new routes are fuzzed as soon as they are
 * documented): a valid request, mutated (wrong types and lengths, NUL, lone surrogates, bidi controls, 4-byte
 * characters, huge and negative numbers, repeated query parameters, odd content types, malformed cookies and
 * headers), sent over a real socket. Never a 5xx; every 4xx is `{error:{code,message}}` with a known code and its
 * status; a refused request changes no row of the main tables (counted in the database itself).
 *
 * In the suite: a fixed seed and a few hundred runs per engine. `npm run fuzz`: FUZZ_RUNS (default 2000) runs with a
 * random seed, printed; FUZZ_SEED=<n> replays one. It prints how often each status and code was answered (FUZZ_STATS=1
 * prints that in the suite too), to see which paths the mutations reach.
 */
const exploring = process.env.PARLEY_FUZZ === 'explore';
const runs = Number(process.env.FUZZ_RUNS ?? (exploring ? 2000 : 1000));
const seed = Number(process.env.FUZZ_SEED ?? (exploring ? Math.floor(Math.random() * 2 ** 31) : 20261202));
if (exploring || process.env.FUZZ_SEED) console.log(`fuzz: seed ${seed}, ${runs} runs per engine (replay with FUZZ_SEED=${seed})`);

const CODES = new Set(Object.keys(ERROR_STATUS));

/** What was sent, for a failure message that can be replayed by hand. */
function describeRequest(req: FuzzRequest): string {
  const wire = wireOf(req);
  const body = wire.body ? JSON.stringify(wire.body.subarray(0, 300).toString('latin1')) : '(none)';
  return `${req.method} ${wire.target.slice(0, 400)}\nheaders: ${JSON.stringify(wire.headers).slice(0, 600)}\nbody: ${body}`;
}

function assertErrorShape(res: WireAnswer, what: string): void {
  assert.match(String(res.headers['content-type']), /^application\/json/, `${what}\ncontent-type of a ${res.status}`);
  let json: any;
  assert.doesNotThrow(() => (json = JSON.parse(res.body)), `${what}\na ${res.status} that is not JSON: ${res.body.slice(0, 200)}`);
  assert.deepEqual(Object.keys(json ?? {}), ['error'], `${what}\n${res.body.slice(0, 300)}`);
  assert.deepEqual(Object.keys(json.error ?? {}).sort(), ['code', 'message'], `${what}\n${res.body.slice(0, 300)}`);
  assert.ok(CODES.has(json.error.code), `${what}\nunknown code ${json.error.code}`);
  assert.equal(typeof json.error.message, 'string', what);
  assert.equal(res.status, ERROR_STATUS[json.error.code as keyof typeof ERROR_STATUS], `${what}\nstatus of ${json.error.code}`);
}

for (const engine of ENGINES) {
  describe(`${engine.name}: fuzzing every route of the API`, { skip: engine.skipReason }, () => {
    let f: FuzzFixture;
    before(async () => {
      f = await FuzzFixture.start(engine);
    });
    after(() => f?.close());

    test('the OpenAPI document lists the routes to fuzz, and each valid request is accepted', async () => {
      assert.ok(f.routes.length >= 25, `${f.routes.length} routes`);
      for (const route of f.routes) {
        const req = await f.prepare(route);
        const res = await f.send(req);
        // verify's token is made up (a valid one needs a mail); every other valid request succeeds.
        if (route.path === '/api/v1/auth/verify') assert.equal(res.status, 400, res.body);
        else assert.ok(res.status < 300, `${describeRequest(req)}\n→ ${res.status} ${res.body.slice(0, 300)}`);
      }
    });

    test(`mutated requests: no 5xx, JSON errors with known codes, nothing written when refused (${runs} runs)`, { timeout: exploring ? Infinity : 60_000 }, async () => {
      const answers = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...f.routes), mutations, async (route, mutate) => {
          const req = await f.prepare(route);
          for (const m of mutate) m(req);
          const what = describeRequest(req);
          const before = await f.snapshot();
          const res = await f.send(req);
          const key = `${res.status} ${res.status >= 400 ? /"code":"(\w+)"/.exec(res.body)?.[1] : ''}`;
          answers.set(key, (answers.get(key) ?? 0) + 1);
          assert.ok(res.status < 500, `${what}\n→ ${res.status} ${res.body.slice(0, 300)}`);
          if (res.status >= 400) {
            assertErrorShape(res, what);
            assert.deepEqual(await f.snapshot(), before, `${what}\n→ ${res.status} ${res.body.slice(0, 200)}\nrows changed by a refused request`);
          }
        }),
        { numRuns: runs, seed, endOnFailure: !exploring },
      );
      if (exploring || process.env.FUZZ_STATS) console.log(`${engine.name} answers:`, Object.fromEntries([...answers].sort((a, b) => b[1] - a[1])));
    });
  });
}
