import { renderDocument } from './render-layout.js';

/** The page shown for a column that does not exist. Static: it never echoes the requested address. */
export function renderNotFoundPage(): string {
  return renderDocument({
    title: 'Page not found',
    main: `<h1 class="page-title">Page not found</h1>
<p>There is no column at this address. It may have been moved, or the link may be mistyped.</p>
<p><a href="/">Back to the front page</a></p>`,
  });
}
