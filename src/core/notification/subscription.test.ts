import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeEmail } from './subscription.js';

test('addresses are trimmed and lower-cased; one with a control character (NUL included) is no address', () => {
  assert.equal(normalizeEmail(' Ada@Example.ORG '), 'ada@example.org');
  assert.equal(normalizeEmail('a\u0000@example.org'), null);
  assert.equal(normalizeEmail('a@exa\u0007mple.org'), null);
  assert.equal(normalizeEmail('not an address'), null);
});
