/**
 * Styles of what passages.js puts in the article. Highlights are `<mark>` elements of the host page, so they are
 * styled by one small `<style>` injected into the host document (`HOST_CSS`, classes `parley-*` only). Markers and
 * controls are buttons inside their own shadow roots (`BUTTON_CSS`), so the page's CSS does not restyle them.
 * Colours are custom properties the page may set (on `:root` or the article; main.ts copies those of the widget's
 * target element onto these elements), with light and dark defaults. Buttons are at least 24 px high (WCAG 2.5.8),
 * more for a coarse pointer. Nothing here changes the article's layout: hosts are empty inline spans; buttons are
 * absolutely positioned (the selection's control by main.ts, inside the viewport), except the "Answer" control,
 * which sits inline at the end of its element.
 */
/**
 * The theme's custom properties (`--parley-` + name; src/widget/README.md), which main.ts copies from the widget's
 * target element to Parley's elements in the article (style.test.ts checks that every one the styles use is here).
 */
export const THEME_VARS = 'bg field-bg fg muted accent on-accent border error highlight radius font font-size padding indent passage-bg passage-line passage-active marker-bg marker-fg marker-border'.split(' ');

export const HOST_CSS = `mark.parley-passage{color:inherit;background:var(--parley-passage-bg,#ffe9a8);box-shadow:0 .1em 0 var(--parley-passage-line,#e2b33c);border-radius:.1em;cursor:pointer}
mark.parley-on{background:var(--parley-passage-active,#ffd44d)}
@media (prefers-color-scheme:dark){mark.parley-passage{background:var(--parley-passage-bg,#4d3f12);box-shadow:0 .1em 0 var(--parley-passage-line,#a8841f)}mark.parley-on{background:var(--parley-passage-active,#6e5a17)}}
.parley-m,.parley-ctl{position:relative}
[data-parley-ui]{-webkit-user-select:none;user-select:none}
.parley-ctl{z-index:2147483000}
.parley-panel{display:block;margin:.5em 0 1em}`;

export const BUTTON_CSS = `button{font:600 12px/1.6 system-ui,sans-serif;min-height:24px;color:var(--parley-marker-fg,#4d3800);background:var(--parley-marker-bg,#ffe9a8);border:1px solid var(--parley-marker-border,#d9a92e);border-radius:1em;padding:0 .6em;margin:0;cursor:pointer;white-space:nowrap}
button:focus-visible{outline:2px solid var(--parley-accent,#0b57d0);outline-offset:2px}
:host(.parley-m) button{position:absolute;right:.6em;top:0;min-width:2em}
:host(.parley-ctl) div{position:absolute;left:0;top:0;display:flex;flex-direction:column;align-items:start;width:max-content;max-width:calc(100vw - 16px)}
:host(.parley-ctl) button{box-shadow:0 2px 8px rgba(0,0,0,.3)}
p{margin:.4em 0;padding:.3em .6em;max-width:20em;font:13px/1.4 system-ui;color:#fff;background:#1f2328;border-radius:.5em}
@media (pointer:coarse){button{min-height:32px;font-size:14px}}
:host(.parley-q) button{margin-left:.5em;vertical-align:.1em}
@media (prefers-color-scheme:dark){button{color:var(--parley-marker-fg,#ffe9a8);background:var(--parley-marker-bg,#4d3f12);border-color:var(--parley-marker-border,#a8841f)}}
@media (max-width:40em){:host(.parley-m) button{position:static;float:right;margin-left:.5em}}`;

/** Tabs, quotes and panels, inside the widget's shadow roots (rendered as a `<style>` with them; uses app.css's variables). */
export const WIDGET_CSS = `[role=tablist]{display:flex;gap:1em;margin-top:1em;border-bottom:1px solid var(--border)}
[role=tab]{border:0;border-bottom:3px solid transparent;border-radius:0;background:none;padding:.4em 0}
[role=tab][aria-selected=true]{border-color:var(--accent);font-weight:600}
.quote{margin:.3em 0;padding-left:.7em;border-left:3px solid var(--border);color:var(--muted)}
.quote button{border:0;padding:0;background:none;color:inherit;text-align:start;text-decoration:underline dotted}
.quote em{display:block;font-size:.85em}
.panel{position:relative;padding:.5em 2.5em .5em 1em;border:1px solid var(--border);border-radius:var(--radius)}
.x{position:absolute;top:.5em;right:.5em}`;
