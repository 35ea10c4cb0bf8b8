import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relativeTime } from './relative-time.js';

const now = Date.UTC(2026, 10, 26, 12, 0, 0);
const ago = (ms: number) => relativeTime(now - ms, now, 'en');

test('relative dates pick the largest whole unit', () => {
  assert.equal(ago(0), 'now');
  assert.equal(ago(30_000), 'now');
  assert.equal(ago(60_000), '1 minute ago');
  assert.equal(ago(5 * 60_000), '5 minutes ago');
  assert.equal(ago(3 * 3_600_000), '3 hours ago');
  assert.equal(ago(86_400_000), 'yesterday');
  assert.equal(ago(3 * 86_400_000), '3 days ago');
  assert.equal(ago(14 * 86_400_000), '2 weeks ago');
  assert.equal(ago(62 * 86_400_000), '2 months ago');
  assert.equal(ago(400 * 86_400_000), 'last year');
});

test('a time slightly in the future (clock skew) reads as now', () => {
  assert.equal(relativeTime(now + 90_000, now, 'en'), 'now');
});
