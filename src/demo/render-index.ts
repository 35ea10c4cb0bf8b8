import type { DemoColumn } from './column.js';
import { escapeHtml } from './escape-html.js';
import { formatDisplayDate } from './format-date.js';
import { PUBLICATION } from './publication.js';
import { renderDocument, type DemoRenderOptions } from './render-layout.js';
import { demoColumnUrl, demoIndexUrl } from './urls.js';

function renderTeaser(column: DemoColumn, opts: DemoRenderOptions): string {
  const href = `/columns/${encodeURIComponent(column.slug)}`;
  return `<li class="teaser">
<article>
<p class="kicker"><span class="category">${escapeHtml(column.category)}</span></p>
<h2 class="teaser-title"><a href="${escapeHtml(href)}">${escapeHtml(column.title)}</a></h2>
<p class="dek">${escapeHtml(column.dek)}</p>
<p class="meta"><span class="byline">By <span class="author">${escapeHtml(column.author.name)}</span></span>
<span aria-hidden="true">·</span> <time datetime="${escapeHtml(column.publishedAt)}">${escapeHtml(formatDisplayDate(column.publishedAt))}</time>
<span aria-hidden="true">·</span> <a class="comment-count" href="${escapeHtml(href)}#parley"><span data-parley-count data-url="${escapeHtml(demoColumnUrl(opts.baseUrl, column.slug))}">Comments</span></a></p>
</article>
</li>`;
}

/** The front page: every column with its category, byline, date and comment count. */
export function renderIndexPage(columns: readonly DemoColumn[], opts: DemoRenderOptions): string {
  const main = `<h1 class="page-title">Opinion</h1>
<ol class="teasers">
${columns.map((c) => renderTeaser(c, opts)).join('\n')}
</ol>`;
  return renderDocument({
    title: 'Opinion',
    description: `Columns and argument from ${PUBLICATION.name}.`,
    canonicalUrl: demoIndexUrl(opts.baseUrl),
    main,
    scripts: `<script src="/count.js" data-site="${escapeHtml(opts.siteId)}" async></script>`,
  });
}
