/**
 * What account.js shows of the reader's own things besides signing in: the in-widget "Delete this comment?" that
 * deletes one's own comment, and the choices of "Notify of" in the comment form. Rendered with app.js's Preact (kit).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PublicComment } from '../app/api.js';
import type { AccountMessages } from '../app/messages.js';
import type { Widget } from '../app/widget.js';
import { saveOwnComment } from '../shared/kit.js';
import { CONFIRM_CSS } from './style.js';

let confirms = 0;

/**
 * "Delete this comment?" inside the widget, instead of the browser's `confirm()`: an `alertdialog` (not modal: the
 * rest of the page stays usable) that takes focus on "Cancel" (the safe choice), cancels on Escape and gives focus
 * back to where it was (the Delete button) when cancelled. "Delete" deletes one's own comment (`token`: its edit
 * token) and tells the widget; a refusal is said under the comment. `done` closes it either way.
 */
export function Confirm({ w, s, c, token, done }: { w: Widget; s: AccountMessages; c: PublicComment; token: string; done(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLElement | null>(null);
  const id = `parley-confirm-${useRef(++confirms).current}`;
  useEffect(() => {
    back.current = (box.current!.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
    (box.current!.lastChild as HTMLElement).focus();
  }, []);
  const no = () => {
    done();
    setTimeout(() => back.current?.focus());
  };
  const yes = async () => {
    done();
    try {
      // The placeholder left behind, or undefined when the comment disappeared (204).
      const res = await w.api.call<{ comment: PublicComment } | undefined>('DELETE', `comments/${encodeURIComponent(c.id)}`, undefined, { Authorization: `Bearer ${token}` });
      saveOwnComment(c.id, null);
      w.removed(c.id, res ? res.comment : null);
      w.announce(s.removed);
    } catch (err) {
      w.announce(await w.fail(err), c.id);
    }
  };
  return (
    <div
      ref={box}
      class="preview confirm"
      role="alertdialog"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          no();
        }
      }}
    >
      <style>{CONFIRM_CSS}</style>
      <span id={id}>{s.confirmDelete}</span>
      <button type="button" class="primary danger" onClick={yes}>
        {s.delete}
      </button>
      <button type="button" onClick={no}>
        {w.t.cancel}
      </button>
    </div>
  );
}

/** The choices of "Notify of" in a comment form (`control`: the form's props for its `notify` field). */
export const notifyChoices = (s: AccountMessages, control: object): ComponentChildren => (
  <select {...control}>
    <option value="">{s.notifyNone}</option>
    <option value="page">{s.notifyPage}</option>
    <option value="replies">{s.notifyReplies}</option>
  </select>
);
