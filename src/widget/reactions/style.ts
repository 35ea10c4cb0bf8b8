/**
 * reactions.js's CSS, added once to each shadow root its buttons render in (the widget's, a passage panel's): app.css
 * stays small. Colours come from the widget's variables, so light, dark and host themes apply.
 */
export const REACTIONS_CSS =
  '.rx{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.25em;max-width:100%}' +
  '.rx button{min-width:24px;min-height:24px;line-height:1.2}' +
  '.comment .actions .rx .rc{border-color:var(--border);border-radius:1em;font-variant-numeric:tabular-nums}' +
  '.rx .rc[aria-pressed=true]{background:var(--hl);border-color:var(--accent);color:var(--fg)}' +
  '.rp{display:inline-flex;flex-wrap:wrap;gap:.15em;padding:.15em;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg)}' +
  '.comment .actions .rp button{padding:.1em .3em;font-size:1.1em;min-width:32px;min-height:32px}' +
  '.comment .actions .rp [aria-checked=true]{border-color:var(--accent);background:var(--hl)}';
