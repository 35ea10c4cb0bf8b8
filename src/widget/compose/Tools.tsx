import { useRef, useState } from 'preact/hooks';
import type { Widget } from '../app/widget.js';
import type { Box } from '../shared/compose.js';
import { applyFormat, type Format } from './format.js';
import { text } from './text.js';

const FORMATS: Format[] = ['bold', 'italic', 'link', 'quote'];
const KEYS: Record<string, Format> = { b: 'bold', i: 'italic', k: 'link' };
const GLYPHS = ['B', 'I', '🔗', '❝'];

/** Formats the selection of the box and keeps the caret there. */
function format(box: Box, f: Format): void {
  const area = box.area();
  if (!area) return;
  const [text, start, end] = applyFormat(area.value, area.selectionStart, area.selectionEnd, f);
  area.value = text;
  box.set(text);
  area.focus();
  area.setSelectionRange(start, end);
}

/** Ctrl/⌘+B, I, K in the comment box. */
export function shortcut(e: KeyboardEvent, box: Box): boolean {
  const f = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && KEYS[e.key.toLowerCase()];
  if (!f) return false;
  e.preventDefault();
  format(box, f);
  return true;
}

let helps = 0;

/**
 * The toolbar above the comment box (WAI-ARIA toolbar: one Tab stop, arrow keys, Home and End move between its
 * buttons) and the "Formatting help" disclosure listing the Markdown the server keeps (src/server/render).
 */
export function Tools({ w, box }: { w: Widget; box: Box }) {
  const s = text(w);
  const [at, setAt] = useState(0);
  const [open, setOpen] = useState(false);
  const [id] = useState(() => `parley-help-${++helps}`);
  const bar = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const n = 4; // FORMATS.length
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    setAt(to % n);
    (bar.current!.children[to % n] as HTMLElement).focus();
  };
  return (
    <div class="actions">
      <div role="toolbar" class="actions" aria-label={s.toolbar} aria-controls={box.area()?.id} ref={bar} onKeyDown={move}>
        {FORMATS.map((f, i) => (
          <button
            type="button"
            class={f}
            tabIndex={i === at ? 0 : -1}
            aria-label={s[f]}
            title={i < 3 ? `${s[f]} (Ctrl+${'BIK'[i]})` : s[f]}
            onClick={() => {
              setAt(i);
              format(box, f);
            }}
          >
            {GLYPHS[i]}
          </button>
        ))}
      </div>
      <button type="button" class="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {s.help}
      </button>
      <div id={id} hidden={!open} class="help">
        <ul>
          {s.rules.map(([code, what]) => (
            <li>
              <code>{code}</code> {what}
            </li>
          ))}
        </ul>
        <p>{s.notAllowed}</p>
      </div>
    </div>
  );
}
