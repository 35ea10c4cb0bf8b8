import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelay } from './retry-schedule.js';
import { signatureBase, signatureHeader, signaturesOf } from './signature.js';

test('retries back off, are capped, and give up after about a day', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(retryDelay), [10_000, 30_000, 120_000, 600_000, 3_600_000]);
  for (let i = 1; i < RETRY_DELAYS_MS.length; i++) assert.ok(RETRY_DELAYS_MS[i]! >= RETRY_DELAYS_MS[i - 1]!);
  assert.ok(Math.max(...RETRY_DELAYS_MS) <= 8 * 3_600_000);
  const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
  assert.ok(total > 20 * 3_600_000 && total <= 24 * 3_600_000, `${total}`);
  assert.equal(retryDelay(MAX_ATTEMPTS - 1), 28_800_000);
  assert.equal(retryDelay(MAX_ATTEMPTS), null);
});

test('the signed text and the signature header', () => {
  assert.equal(signatureBase(1700000000, '{"a":1}'), '1700000000.{"a":1}');
  const hex = 'ab'.repeat(32);
  assert.equal(signatureHeader(hex), `v1=${hex}`);
  assert.deepEqual(signaturesOf(`v1=${hex}, v0=zz, v1=short`), [hex]);
  assert.deepEqual(signaturesOf(undefined), []);
});
