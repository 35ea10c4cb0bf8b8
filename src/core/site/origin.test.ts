import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOrigin, checkSiteId, normalizeOrigin } from './origin.js';

test('origins match exactly; a missing Origin (server-side caller) is allowed', () => {
  const allowed = ['https://news.example.org'];
  assert.ok(checkOrigin(allowed, 'https://news.example.org').ok);
  assert.ok(checkOrigin(allowed, undefined).ok);
  for (const o of ['http://news.example.org', 'https://news.example.org.evil.example', 'https://evil.news.example.org', 'null', 'https://news.example.org:444']) {
    assert.equal(checkOrigin(allowed, o).ok, false, o);
  }
});

test('allowed origins are normalised and must be bare origins', () => {
  const n = normalizeOrigin('HTTPS://News.Example.org/');
  assert.ok(n.ok && n.value === 'https://news.example.org');
  for (const bad of ['https://x.example/path', 'ftp://x.example', 'news.example.org', 'https://x.example/?q=1']) {
    assert.equal(normalizeOrigin(bad).ok, false, bad);
  }
  assert.ok(checkSiteId('my-paper-2').ok);
  for (const bad of ['', 'Caps', '-x', 'a b', 'x'.repeat(64)]) assert.equal(checkSiteId(bad).ok, false, bad);
});
