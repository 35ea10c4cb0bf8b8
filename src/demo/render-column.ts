import type { ColumnBlock, DemoColumn } from './column.js';
import { escapeHtml } from './escape-html.js';
import { formatDisplayDate } from './format-date.js';
import { OPINION_DISCLAIMER } from './publication.js';
import { relatedColumns } from './related.js';
import { renderDocument, type DemoRenderOptions } from './render-layout.js';
import { demoColumnUrl } from './urls.js';

/** The selector the embed uses to find the text readers may quote and anchor comments to. */
export const COLUMN_BODY_SELECTOR = '.column-body';

function renderBlock(block: ColumnBlock): string {
  switch (block.type) {
    case 'p':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'h2':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'quote':
      return `<blockquote>
${block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<footer>— <cite>${escapeHtml(block.cite)}</cite></footer>
</blockquote>`;
  }
}

function renderDisclaimer(): string {
  return `<div class="disclaimer" role="note"><p><strong>Opinion.</strong> ${escapeHtml(OPINION_DISCLAIMER)}</p></div>`;
}

function renderRelated(column: DemoColumn, all: readonly DemoColumn[]): string {
  const related = relatedColumns(column, all, 3);
  if (related.length === 0) return '';
  const items = related.map(
    (r) => `<li><a href="/columns/${escapeHtml(encodeURIComponent(r.slug))}">${escapeHtml(r.title)}</a>
<span class="related-meta"><span class="category">${escapeHtml(r.category)}</span> · By ${escapeHtml(r.author.name)}</span></li>`,
  );
  return `<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">Related articles</h2>
<ul>
${items.join('\n')}
</ul>
</section>`;
}

/** A column page: header, disclaimers around the body, author bio, related articles and the discussion. */
export function renderColumnPage(
  column: DemoColumn,
  all: readonly DemoColumn[],
  opts: DemoRenderOptions,
): string {
  const date = formatDisplayDate(column.publishedAt);
  const tags = column.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('');
  const main = `<article class="column">
<header class="column-header">
<p class="kicker"><span class="category">${escapeHtml(column.category)}</span> <span class="label">Opinion</span></p>
<h1>${escapeHtml(column.title)}</h1>
<p class="dek">${escapeHtml(column.dek)}</p>
<p class="meta"><span class="byline">By <span class="author">${escapeHtml(column.author.name)}</span></span>
<span aria-hidden="true">·</span> <time datetime="${escapeHtml(column.publishedAt)}">${escapeHtml(date)}</time></p>
</header>
${renderDisclaimer()}
<div class="column-body">
${column.body.map(renderBlock).join('\n')}
</div>
${renderDisclaimer()}
<footer class="column-footer">
<p class="author-bio">${escapeHtml(column.author.bio)}</p>
<p class="tags-label" id="tags-label">Filed under</p>
<ul class="tags" aria-labelledby="tags-label">${tags}</ul>
</footer>
</article>
${renderRelated(column, all)}
<div id="parley"></div>
<script src="/embed.js" data-site="${escapeHtml(opts.siteId)}" data-content="${COLUMN_BODY_SELECTOR}" async></script>`;
  return renderDocument({
    title: column.title,
    description: column.dek,
    canonicalUrl: demoColumnUrl(opts.baseUrl, column.slug),
    main,
  });
}
