import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseOf } from './own-script.js';

test('the base URL is the folder of the script, without a trailing widget/', () => {
  assert.equal(baseOf('https://comments.example.org/embed.js'), 'https://comments.example.org/');
  assert.equal(baseOf('https://comments.example.org/widget/embed.js?v=3#x'), 'https://comments.example.org/');
  assert.equal(baseOf('https://example.org/parley/embed.js'), 'https://example.org/parley/');
  assert.equal(baseOf('https://example.org/parley/count.js'), 'https://example.org/parley/');
  assert.equal(baseOf('http://localhost:8080/widget/count.js'), 'http://localhost:8080/');
});
