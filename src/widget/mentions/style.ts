/** mentions.js's CSS, added once to each shadow root with a comment box it serves; colours from the widget's variables. */
export const MENTIONS_CSS =
  '.mx [role=listbox]{margin-top:.2em;max-height:14em;overflow:auto;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--fg)}' +
  '.mx [role=option]{padding:.3em .6em;min-height:24px;cursor:pointer;overflow-wrap:anywhere}' +
  '.mx [role=option]:hover{background:var(--hl)}' +
  '.mx [aria-selected=true],.mx [aria-selected=true]:hover{background:var(--accent);color:var(--on-accent)}';
