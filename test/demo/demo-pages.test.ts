import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { canonicalUrl } from '../../src/core/url/canonical-url.js';
import type { DemoColumn } from '../../src/demo/column.js';
import { demoColumnUrl, demoColumns, demoPages, type DemoPagesOptions } from '../../src/demo/demo-pages.js';
import { escapeHtml } from '../../src/demo/escape-html.js';
import { formatDisplayDate } from '../../src/demo/format-date.js';
import { relatedColumns } from '../../src/demo/related.js';
import { renderColumnPage } from '../../src/demo/render-column.js';
import { renderIndexPage } from '../../src/demo/render-index.js';

const BASE = 'http://127.0.0.1:8080';

async function build(opts: DemoPagesOptions = { baseUrl: BASE, siteId: 'demo' }) {
  const app = Fastify();
  await app.register(demoPages, opts);
  await app.ready();
  return app;
}

async function get(path: string, opts?: DemoPagesOptions) {
  const app = await build(opts);
  try {
    return await app.inject({ method: 'GET', url: path });
  } finally {
    await app.close();
  }
}

function count(haystack: string, needle: string | RegExp): number {
  return typeof needle === 'string'
    ? haystack.split(needle).length - 1
    : [...haystack.matchAll(new RegExp(needle.source, 'g'))].length;
}

function wordCount(column: DemoColumn): number {
  const text = column.body.map((b) => (b.type === 'quote' ? b.paragraphs.join(' ') : b.text)).join(' ');
  return text.split(/\s+/).filter(Boolean).length;
}

function section(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  assert.ok(match, `expected ${pattern} in the page`);
  return match[0];
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves other text, typographic quotes and dashes alone', () => {
    const text = 'It’s “fine” — really… café';
    assert.equal(escapeHtml(text), text);
    assert.equal(escapeHtml(''), '');
  });

  it('does not double-unescape entities already present', () => {
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  });
});

describe('demo columns', () => {
  it('has at least three columns with unique, URL-safe slugs', () => {
    assert.ok(demoColumns.length >= 3);
    const slugs = demoColumns.map((c) => c.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    for (const slug of slugs) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const column of demoColumns) {
    it(`${column.slug} is complete and of column length`, () => {
      assert.ok(column.title && column.dek && column.author.name && column.author.bio && column.category);
      assert.ok(column.tags.length > 0);
      assert.match(column.publishedAt, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(!Number.isNaN(Date.parse(column.publishedAt)));
      const words = wordCount(column);
      assert.ok(words >= 700 && words <= 1200, `${words} words`);
      assert.ok(column.body.some((b) => b.type === 'h2'));
      const quotes = column.body.filter((b) => b.type === 'quote');
      assert.ok(quotes.length > 0);
      for (const q of quotes) {
        assert.ok(q.paragraphs.length >= 2, 'quotes are long, several paragraphs');
        assert.ok(q.cite.length > 0);
      }
    });
  }

  it('are listed newest first', () => {
    const dates = demoColumns.map((c) => c.publishedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('share categories or tags, so every column has related articles', () => {
    for (const column of demoColumns) assert.ok(relatedColumns(column, demoColumns).length > 0, column.slug);
  });
});

describe('relatedColumns', () => {
  const make = (slug: string, category: string, tags: string[], publishedAt = '2026-01-01'): DemoColumn => ({
    slug, title: slug, dek: '', author: { name: 'A', bio: '' }, category, tags, publishedAt, body: [],
  });
  const self = make('self', 'Cities', ['a', 'b']);
  const all = [
    self,
    make('same-category', 'Cities', []),
    make('two-tags', 'Technology', ['a', 'b']),
    make('one-tag-old', 'Education', ['a'], '2025-01-01'),
    make('one-tag-new', 'Education', ['b'], '2026-06-01'),
    make('unrelated', 'Sport', ['z']),
  ];

  it('ranks by category then shared tags, newest first on ties, at most three, never itself', () => {
    assert.deepEqual(
      relatedColumns(self, all).map((c) => c.slug),
      ['same-category', 'two-tags', 'one-tag-new'],
    );
  });

  it('leaves out columns that share nothing', () => {
    assert.deepEqual(relatedColumns(self, all, 10).map((c) => c.slug).includes('unrelated'), false);
    assert.deepEqual(relatedColumns(make('x', 'Sport', []), [self]), []);
  });
});

describe('demoColumnUrl', () => {
  it('joins base and slug, with or without a trailing slash or a path prefix', () => {
    assert.equal(demoColumnUrl(BASE, 'a-b'), `${BASE}/columns/a-b`);
    assert.equal(demoColumnUrl(`${BASE}/`, 'a-b'), `${BASE}/columns/a-b`);
    assert.equal(demoColumnUrl('https://news.example/demo', 'a-b'), 'https://news.example/demo/columns/a-b');
  });

  it('is already canonical, so counts and threads use the same key', () => {
    for (const column of demoColumns) {
      const url = demoColumnUrl('HTTP://Example.ORG:80/', column.slug);
      assert.deepEqual(canonicalUrl(url), { ok: true, value: url });
    }
  });
});

describe('formatDisplayDate', () => {
  it('formats without depending on locale or time zone', () => {
    assert.equal(formatDisplayDate('2026-09-04'), '4 September 2026');
    assert.throws(() => formatDisplayDate('yesterday'));
  });
});

describe('GET /', () => {
  it('lists every column with its link, category, byline, date and comment count', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    const html = res.body;
    assert.match(html, /^<!doctype html>\n<html lang="en-GB">/);
    assert.ok(count(html, /<li class="teaser">/) >= 3);
    for (const column of demoColumns) {
      assert.ok(html.includes(`<a href="/columns/${column.slug}">${escapeHtml(column.title)}</a>`), column.slug);
      assert.ok(html.includes(escapeHtml(column.dek)));
      assert.ok(html.includes(escapeHtml(column.author.name)));
      assert.ok(html.includes(`<span class="category">${escapeHtml(column.category)}</span>`));
      assert.ok(html.includes(`<time datetime="${column.publishedAt}">`));
      assert.ok(html.includes(`<span data-parley-count data-url="${BASE}/columns/${column.slug}">`));
    }
    assert.equal(count(html, '<script src="/count.js" data-site="demo" async></script>'), 1);
    assert.equal(count(html, '/embed.js'), 0);
  });

  it('has landmarks, a skip link and the stylesheet', async () => {
    const { body } = await get('/');
    assert.ok(body.includes('<a class="skip-link" href="#main">'));
    assert.ok(body.includes('<main id="main"'));
    assert.equal(count(body, '<header class="masthead">'), 1);
    assert.equal(count(body, '<footer class="site-footer">'), 1);
    assert.ok(body.includes('<link rel="stylesheet" href="/demo.css">'));
    assert.ok(body.includes(`<link rel="canonical" href="${BASE}/">`));
    assert.equal(count(body, '<h1'), 1);
  });
});

describe('GET /columns/:slug', () => {
  for (const column of demoColumns) {
    describe(column.slug, () => {
      let loaded: ReturnType<typeof get> | undefined;
      const page = () => (loaded ??= get(`/columns/${column.slug}`));

      it('answers HTML with title, byline, category, date and dek', async () => {
        const res = await page();
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
        const html = res.body;
        assert.ok(html.includes(`<title>${escapeHtml(column.title)} | The Larkmoor Courier</title>`));
        assert.ok(html.includes(`<h1>${escapeHtml(column.title)}</h1>`));
        assert.ok(html.includes(`By <span class="author">${escapeHtml(column.author.name)}</span>`));
        assert.ok(html.includes(`<span class="category">${escapeHtml(column.category)}</span>`));
        assert.ok(
          html.includes(`<time datetime="${column.publishedAt}">${formatDisplayDate(column.publishedAt)}</time>`),
        );
        assert.ok(html.includes(`<p class="dek">${escapeHtml(column.dek)}</p>`));
        assert.ok(html.includes(escapeHtml(column.author.bio)));
        assert.ok(html.includes(`<link rel="canonical" href="${BASE}/columns/${column.slug}">`));
      });

      it('puts an opinion disclaimer box above and below the column body', async () => {
        const html = (await page()).body;
        assert.equal(count(html, 'role="note"'), 2);
        const article = section(html, /<article class="column">[\s\S]*<\/article>/);
        const [before, rest] = article.split('<div class="column-body">');
        assert.ok(before && rest);
        const after = rest.slice(rest.indexOf('</div>\n<div class="disclaimer"'));
        assert.match(before, /<div class="disclaimer" role="note"><p><strong>Opinion\.<\/strong> The statements, views and opinions expressed in this column are solely those of the author/);
        assert.match(after, /^<\/div>\n<div class="disclaimer" role="note">.*do not necessarily represent those of The Larkmoor Courier\./);
      });

      it('renders paragraphs, subheadings and attributed blockquotes inside .column-body', async () => {
        const html = (await page()).body;
        const body = section(html, /<div class="column-body">[\s\S]*?\n<\/div>/);
        const paragraphs = column.body.filter((b) => b.type === 'p').length;
        const headings = column.body.filter((b) => b.type === 'h2').length;
        const quotes = column.body.filter((b) => b.type === 'quote');
        assert.equal(count(body, '<h2>'), headings);
        assert.equal(count(body, /<blockquote>\n(<p>[^<]+<\/p>\n)+<footer>— <cite>[^<]+<\/cite><\/footer>\n<\/blockquote>/), quotes.length);
        const quoteParagraphs = quotes.reduce((n, q) => n + q.paragraphs.length, 0);
        assert.equal(count(body, '<p>'), paragraphs + quoteParagraphs);
        for (const q of quotes) assert.ok(body.includes(`<cite>${escapeHtml(q.cite)}</cite>`));
      });

      it('lists at most three related articles, never itself, each sharing a category or tag', async () => {
        const html = (await page()).body;
        const related = section(html, /<section class="related" aria-labelledby="related-heading">[\s\S]*?<\/section>/);
        assert.ok(related.includes('<h2 id="related-heading">Related articles</h2>'));
        const slugs = [...related.matchAll(/href="\/columns\/([^"]+)"/g)].map((m) => m[1]);
        assert.ok(slugs.length >= 1 && slugs.length <= 3);
        assert.ok(!slugs.includes(column.slug));
        for (const slug of slugs) {
          const other = demoColumns.find((c) => c.slug === slug);
          assert.ok(other, `${slug} is a column`);
          const shares = other.category === column.category || other.tags.some((t) => column.tags.includes(t));
          assert.ok(shares, `${slug} shares a category or tag with ${column.slug}`);
        }
      });

      it('embeds the discussion after the related articles', async () => {
        const html = (await page()).body;
        const embed =
          '<div id="parley"></div>\n<script src="/embed.js" data-site="demo" data-content=".column-body" async></script>';
        assert.equal(count(html, embed), 1);
        assert.ok(html.indexOf(embed) > html.indexOf('Related articles'));
        assert.ok(html.indexOf(embed) < html.indexOf('</main>'));
        assert.equal(count(html, '/count.js'), 0);
      });
    });
  }

  it('answers an HTML 404 page for an unknown slug', async () => {
    for (const path of ['/columns/no-such-column', '/columns/__proto__', '/columns/constructor']) {
      const res = await get(path);
      assert.equal(res.statusCode, 404, path);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.ok(res.body.includes('<h1 class="page-title">Page not found</h1>'));
      assert.ok(res.body.includes('<a href="/">Back to the front page</a>'));
    }
  });

  it('escapes text in the column, such as the ampersand in “Parks & Highways”', async () => {
    const column = demoColumns.find((c) => c.body.some((b) => b.type === 'p' && b.text.includes('&')));
    assert.ok(column);
    const { body } = await get(`/columns/${column.slug}`);
    assert.ok(body.includes('Parks &amp; Highways'));
    assert.ok(!body.includes('Parks & Highways'));
  });
});

describe('options', () => {
  it('writes opts.siteId and opts.baseUrl into the pages', async () => {
    const opts = { baseUrl: 'https://news.example/demo/', siteId: 'my-site' };
    const slug = demoColumns[0]!.slug;
    const column = await get(`/columns/${slug}`, opts);
    assert.ok(column.body.includes('<script src="/embed.js" data-site="my-site" data-content=".column-body" async>'));
    assert.ok(column.body.includes(`<link rel="canonical" href="https://news.example/demo/columns/${slug}">`));
    const index = await get('/', opts);
    assert.ok(index.body.includes('<script src="/count.js" data-site="my-site" async>'));
    assert.ok(index.body.includes(`data-url="https://news.example/demo/columns/${slug}"`));
  });

  it('refuses a base URL that is not absolute http(s), and an empty site id', async () => {
    await assert.rejects(build({ baseUrl: '/relative', siteId: 'demo' }), /baseUrl/);
    await assert.rejects(build({ baseUrl: 'ftp://example.org', siteId: 'demo' }), /baseUrl/);
    await assert.rejects(build({ baseUrl: BASE, siteId: '' }), /siteId/);
  });

  it('escapes every text value, including hostile content and site ids', () => {
    const hostile: DemoColumn = {
      slug: 'x',
      title: '<script>alert(1)</script>',
      dek: '"quoted" & <b>bold</b>',
      author: { name: 'Eve <eve@example.org>', bio: '<img src=x onerror=alert(1)>' },
      category: 'A&B',
      tags: ['<t>'],
      publishedAt: '2026-01-01',
      body: [
        { type: 'h2', text: '<h2>' },
        { type: 'p', text: '</div><script>' },
        { type: 'quote', paragraphs: ['<p>', '</blockquote>'], cite: '</cite>' },
      ],
    };
    const opts = { baseUrl: BASE, siteId: '"><script>' };
    for (const html of [renderColumnPage(hostile, [hostile], opts), renderIndexPage([hostile], opts)]) {
      assert.equal(count(html, '<script>'), 0);
      assert.ok(!html.includes('<b>') && !html.includes('<img') && !html.includes('<eve@'));
      assert.ok(html.includes('data-site="&quot;&gt;&lt;script&gt;"'));
    }
    const column = renderColumnPage(hostile, [hostile], opts);
    assert.ok(column.includes('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>'));
    assert.ok(column.includes('<cite>&lt;/cite&gt;</cite>'));
    assert.ok(!column.includes('Related articles'), 'no related section when nothing is related');
  });
});

describe('GET /demo.css', () => {
  it('serves the stylesheet with light and dark schemes and focus styles', async () => {
    const res = await get('/demo.css');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/css/);
    assert.ok(res.body.includes('prefers-color-scheme: dark'));
    assert.ok(res.body.includes(':focus-visible'));
    assert.ok(res.body.includes('.disclaimer'));
    assert.ok(res.body.includes('blockquote'));
  });
});
