/** The demo publication's stylesheet, served at `/demo.css`. */
export const DEMO_CSS = `:root {
  color-scheme: light dark;
  --bg: #fdfcf8;
  --fg: #1d1b18;
  --muted: #5b5650;
  --accent: #8a1c1c;
  --rule: #dcd6cc;
  --quote-bg: #f4f0e8;
  --note-bg: #eef2f6;
  --note-border: #51657a;
  --focus: #1a5fb4;
  --field-border: #857d72;
  --passage: #f7e1d7;
  --passage-line: #c98b7d;
  --measure: 40rem;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #161513;
    --fg: #ece8e1;
    --muted: #b3ada4;
    --accent: #f2a195;
    --rule: #3a3733;
    --quote-bg: #211f1c;
    --note-bg: #1c232b;
    --note-border: #8ea7c0;
    --focus: #8ab4ff;
    --field-border: #7a7268;
    --passage: #4a2a24;
    --passage-line: #a05a4c;
  }
}
/*
 * Parley in the Courier's palette, through the widget's CSS custom properties (src/widget/README.md, "Theming").
 * Set on :root, an ancestor of both the widget (#parley) and the column, so the passage highlights and markers in
 * the column take them too (on #parley alone would do as well: passages.js copies them from there to its elements
 * in the article). They name the page's own variables, so the dark scheme follows by itself. The widget's
 * background stays transparent and its font is the page's.
 */
:root {
  --parley-fg: var(--fg);
  --parley-muted: var(--muted);
  --parley-accent: var(--accent);
  --parley-on-accent: var(--bg);
  --parley-field-bg: var(--bg);
  --parley-border: var(--field-border);
  --parley-highlight: var(--quote-bg);
  --parley-radius: 2px;
  --parley-passage-bg: var(--passage);
  --parley-passage-line: var(--passage-line);
  --parley-passage-active: var(--passage-line);
  --parley-marker-bg: var(--passage);
  --parley-marker-fg: var(--accent);
  --parley-marker-border: var(--passage-line);
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font-family: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif;
  font-size: 1.125rem;
  line-height: 1.65;
}
.masthead, main, .site-footer {
  max-width: var(--measure);
  margin-inline: auto;
  padding-inline: 1.25rem;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
.skip-link {
  position: absolute;
  left: 0.5rem;
  top: -3rem;
  padding: 0.5rem 0.75rem;
  background: var(--fg);
  color: var(--bg);
  z-index: 10;
}
.skip-link:focus { top: 0.5rem; }
.masthead { padding-block: 1.5rem 1rem; border-bottom: 3px double var(--rule); text-align: center; }
.masthead-name { margin: 0; font-size: 2rem; font-weight: 700; letter-spacing: 0.01em; line-height: 1.2; }
.masthead-name a { color: var(--fg); text-decoration: none; }
.masthead-tagline { margin: 0.25rem 0 0; color: var(--muted); font-style: italic; font-size: 1rem; }
main { padding-block: 2rem 3rem; }
h1, h2 { line-height: 1.25; }
h1 { font-size: 2.25rem; margin: 0.25rem 0 0.75rem; }
.page-title { font-size: 1.5rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
.kicker, .meta, .related-meta, .tags-label, .tags, .comment-count, .disclaimer, .site-footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.kicker { margin: 0; font-size: 0.85rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); }
.kicker .label { color: var(--muted); margin-left: 0.5em; }
.dek { font-size: 1.25rem; color: var(--muted); margin: 0 0 0.75rem; }
.meta { font-size: 0.9rem; color: var(--muted); margin: 0; }
.author { font-weight: 600; color: var(--fg); }
.teasers { list-style: none; margin: 0; padding: 0; }
.teaser { padding-block: 1.25rem; border-top: 1px solid var(--rule); }
.teaser-title { font-size: 1.5rem; margin: 0.25rem 0 0.5rem; }
.teaser-title a { color: var(--fg); text-decoration: none; }
.teaser-title a:hover { text-decoration: underline; }
.teaser .dek { font-size: 1.05rem; }
.disclaimer {
  margin: 1.5rem 0;
  padding: 0.75rem 1rem;
  border-left: 4px solid var(--note-border);
  background: var(--note-bg);
  font-size: 0.9rem;
  line-height: 1.5;
}
.disclaimer p { margin: 0; }
.column-body h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
.column-body p { margin: 0 0 1.1rem; }
blockquote {
  margin: 1.75rem 0;
  padding: 1rem 1.25rem;
  border-left: 4px solid var(--accent);
  background: var(--quote-bg);
  font-style: italic;
}
blockquote p { margin: 0 0 0.9rem; }
blockquote footer { font-style: normal; font-size: 0.95rem; color: var(--muted); }
blockquote cite { font-style: normal; }
.column-footer { border-top: 1px solid var(--rule); padding-top: 1rem; }
.author-bio { font-style: italic; color: var(--muted); }
.tags-label { margin: 0 0 0.25rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
.tags { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; font-size: 0.85rem; }
.tags li { border: 1px solid var(--rule); border-radius: 999px; padding: 0.1rem 0.65rem; }
.related { margin-top: 2.5rem; padding-top: 1rem; border-top: 3px double var(--rule); }
.related h2 { font-size: 1.25rem; margin-top: 0; }
.related ul { list-style: none; margin: 0; padding: 0; }
.related li { margin-bottom: 0.9rem; }
.related li > a { font-weight: 700; }
.related-meta { display: block; font-size: 0.85rem; color: var(--muted); }
#parley { margin-top: 2.5rem; }
.site-footer { padding-block: 1.5rem 2.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@media (max-width: 30rem) {
  body { font-size: 1.0625rem; }
  h1 { font-size: 1.75rem; }
  .masthead-name { font-size: 1.6rem; }
  blockquote { margin-inline: -0.5rem; padding: 0.75rem 1rem; }
}
@media print {
  .skip-link, #parley, .comment-count { display: none; }
  body { background: #fff; color: #000; }
}
`;
