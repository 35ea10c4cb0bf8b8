import { escapeHtml } from './escape-html.js';
import { PUBLICATION } from './publication.js';

/** What every page renderer needs to know about where the demo is served. */
export interface DemoRenderOptions {
  /** Absolute origin (optionally with a path prefix) the demo is reached at, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** The Parley site id written into the `data-site` attributes of the count and embed scripts. */
  siteId: string;
}

export interface PageShell {
  /** The document title, without the publication name. */
  title: string;
  description?: string;
  canonicalUrl?: string;
  /** Already-rendered HTML placed inside `<main>`. */
  main: string;
  /** Already-rendered HTML placed after `</footer>`, before `</body>` (scripts). */
  scripts?: string;
}

/** A complete HTML document: head, skip link, masthead, main landmark and site footer. */
export function renderDocument(page: PageShell): string {
  const title = `${page.title} | ${PUBLICATION.name}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    page.description ? `<meta name="description" content="${escapeHtml(page.description)}">` : '',
    page.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(page.canonicalUrl)}">` : '',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="/demo.css">',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${PUBLICATION.lang}">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
<p class="masthead-name"><a href="/">${escapeHtml(PUBLICATION.name)}</a></p>
<p class="masthead-tagline">${escapeHtml(PUBLICATION.tagline)}</p>
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<p>${escapeHtml(PUBLICATION.name)} is a fictional publication: the demo site of Parley, a self-hosted reader-discussion engine. Its columns, authors and places are invented.</p>
</footer>
${page.scripts ?? ''}
</body>
</html>
`;
}
