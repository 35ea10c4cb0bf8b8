import { useEffect, useState } from 'preact/hooks';
import type { OwnComment } from '../app/local-store.js';
import type { Widget } from '../app/widget.js';
import { plural } from '../shared/kit.js';
import { text } from './text.js';

/**
 * Edit and Delete of one's own comment and "You can edit this for N more minutes": re-rendered each minute, gone
 * when the edit window closes.
 */
export function Mine({ w, own, about, act }: { w: Widget; own: OwnComment; about: object; act(mode: 'edit' | 'delete'): void }) {
  const s = text(w);
  const [, setTick] = useState(0);
  const left = own.editableUntil - Date.now();
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setTick(Date.now()), (left % 6e4 || 6e4) + 50);
    return () => clearTimeout(timer);
  });
  // An array, not a fragment: the kit has no Fragment.
  return left > 0
    ? [
        <button type="button" {...about} onClick={() => act('edit')}>
          {w.t.edit}
        </button>,
        <button type="button" {...about} onClick={() => act('delete')}>
          {s.delete}
        </button>,
        <span class="hint">{plural(s.editFor, Math.ceil(left / 6e4), w.t.locale)}</span>,
      ]
    : null;
}
