import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalUrl } from './canonical-url.js';

const c = (u: string) => {
  const r = canonicalUrl(u);
  return r.ok ? r.value : r.error.code;
};

test('scheme and host case, default port, fragment, trailing slash and tracking parameters do not split a thread', () => {
  const same = [
    'https://news.example.org/opinion/a-column',
    'HTTPS://News.Example.ORG/opinion/a-column/',
    'https://news.example.org:443/opinion/a-column#comments',
    'https://news.example.org/opinion/a-column?utm_source=twitter&utm_medium=social',
    'https://news.example.org/opinion/a-column/?fbclid=abc&gclid=def&mc_cid=1',
  ];
  for (const u of same) assert.equal(c(u), 'https://news.example.org/opinion/a-column', u);
});

test('meaningful query parameters are kept, sorted; path case is kept', () => {
  assert.equal(c('https://x.example/story?p=2&id=9&utm_campaign=z'), 'https://x.example/story?id=9&p=2');
  assert.equal(c('https://x.example/Story'), 'https://x.example/Story');
  assert.equal(c('http://x.example:8080/'), 'http://x.example:8080/');
  assert.equal(c('https://x.example'), 'https://x.example/');
});

test('non-web and malformed URLs are refused', () => {
  for (const u of ['javascript:alert(1)', 'ftp://x.example/a', '/relative/path', '', 'x'.repeat(3000), 'http://']) {
    assert.equal(c(u), 'INVALID_URL', u);
  }
});

test('canonicalising twice changes nothing (property over generated URLs)', () => {
  const parts = ['a', 'B', 'utm_x', 'id', 'ref', 'p', '%20', 'é'];
  let seed = 7;
  const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
  for (let i = 0; i < 500; i++) {
    const q = Array.from({ length: i % 4 }, () => `${pick(parts)}=${pick(parts)}`).join('&');
    const u = `${pick(['http', 'HTTPS'])}://${pick(['Ex.org', 'ex.org:443', 'ex.org:80'])}/${pick(parts)}/${pick(['', '/', '//'])}${q ? `?${q}` : ''}${pick(['', '#f'])}`;
    const once = c(u);
    assert.equal(c(once), once, u);
  }
});

test('the length limit applies to the canonical form: 1,000 × "é" passes 2,048 characters typed but not encoded', () => {
  const typed = `https://x.example/${'é'.repeat(1000)}`;
  assert.ok(typed.length <= 2048);
  assert.equal(c(typed), 'INVALID_URL');
  assert.equal(c(`https://x.example/${'é'.repeat(300)}`).length, 18 + 300 * 6);
});
