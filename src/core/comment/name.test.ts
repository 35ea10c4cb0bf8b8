import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanName } from './name.js';

test('ordinary names are kept, in NFC, with white space collapsed', () => {
  assert.equal(cleanName('  Ada   Lovelace '), 'Ada Lovelace');
  assert.equal(cleanName('Zoe\u0308'), 'Zoë');
  assert.equal(cleanName('محمد'), 'محمد');
  assert.equal(cleanName('👩\u200D💻 dev'), '👩\u200D💻 dev', 'a joiner inside an emoji sequence stays');
  assert.equal(cleanName('می\u200Cخواهم'), 'می\u200Cخواهم', 'a non-joiner inside a Persian word stays');
});

test('bidirectional overrides and isolates cannot reorder what is shown', () => {
  assert.equal(cleanName('\u202Enimda'), 'nimda');
  assert.equal(cleanName('Bob\u202E\u2066 (staff)\u2069'), 'Bob (staff)');
});

test('control characters, NUL included, do not survive', () => {
  assert.equal(cleanName('Ada\u0000 L'), 'Ada L');
  assert.equal(cleanName('A\u0007\u009Bb'), 'A b');
});

test('names with nothing visible are no names', () => {
  for (const n of ['', '   ', '\u200B\u200B', '\u200D\uFEFF\u2060', '\u202E', '\u00AD', '\u0000', '\u200E\u200F ']) {
    assert.equal(cleanName(n), '', JSON.stringify(n));
  }
  assert.equal(cleanName('\u200Bx\u200B'), 'x', 'invisible edges are trimmed');
});
