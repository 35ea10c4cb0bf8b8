import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdownRenderer } from './markdown.js';

const render = createMarkdownRenderer();
const link = (id: string, name: string) => `<a class="mention" href="#parley-comment-${id}" data-comment="${id}">@${name}</a>`;

test('@Name of a mentioned comment becomes a link to it; other @words stay text', () => {
  const mentions = [{ id: 'c1', name: 'Ada Lovelace' }, { id: 'c2', name: 'Bob' }];
  const linked = new Set<string>();
  const html = render('@Ada Lovelace, I agree. @Bobby and @Carol: see @Bob.', { mentions, linked });
  assert.equal(html, `<p>${link('c1', 'Ada Lovelace')}, I agree. @Bobby and @Carol: see ${link('c2', 'Bob')}.</p>\n`);
  assert.deepEqual([...linked].sort(), ['c1', 'c2']);
  assert.equal(render('@Ada Lovelace'), '<p>@Ada Lovelace</p>\n', 'no mentions given: plain text');
  assert.equal(render('mail ada@Bob.example', { mentions }).includes('mention'), false, 'not inside a word or an address');
});

test('never inside code spans, code blocks or links', () => {
  const mentions = [{ id: 'c2', name: 'Bob' }];
  const linked = new Set<string>();
  const html = render('`@Bob` [hi @Bob](https://x.example) https://x.example/@Bob\n\n    @Bob\n\n```\n@Bob\n```', { mentions, linked });
  assert.equal(html.includes('class="mention"'), false, html);
  assert.equal(linked.size, 0);
  assert.match(render('*@Bob* says', { mentions }), /<em><a class="mention" href="#parley-comment-c2" data-comment="c2">@Bob<\/a><\/em>/);
});

test('names are escaped like any text', () => {
  const html = render('@<b> and @Tom & Jerry!', { mentions: [{ id: 'c3', name: '<b>' }, { id: 'c4', name: 'Tom & Jerry' }] });
  assert.equal(html, `<p>${link('c3', '&lt;b&gt;')} and ${link('c4', 'Tom &amp; Jerry')}!</p>\n`);
  assert.equal(html.includes('<b>'), false);
});
