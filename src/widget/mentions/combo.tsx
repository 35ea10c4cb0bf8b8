/**
 * @mentions in the comment boxes of one widget (the widget's own and those of passage panels in the article): each
 * box becomes an ARIA combobox (aria-autocomplete="list") whose listbox, right below it, offers the thread's authors
 * matching what follows `@` (match.ts). Arrow keys move, Enter or Tab chooses, Escape closes, a click chooses;
 * choosing puts `@Name ` at the caret and records the comment it names, which the form sends as `mentions`.
 *
 * It listens on the document (events from the shadow roots come out composed), so app.js needs no more than the
 * loader: a box is recognised by its id (`parley-form-N-body`, CommentForm's).
 */
import { render } from 'preact';
import { enMentions } from '../app/messages.js';
import type { Widget } from '../app/widget.js';
import type { Extensions } from '../shared/extensions.js';
import { insertMention, mentionAt, mentionedIds, people, type Person } from './match.js';
import { MENTIONS_CSS } from './style.js';

type Box = HTMLTextAreaElement;

const isBox = (el: EventTarget | null | undefined): el is Box =>
  (el as Element | null)?.tagName === 'TEXTAREA' && /^parley-form-\d+-body$/.test((el as Element).id);

/** The focused element, inside shadow roots too. */
const deepActive = (): Element | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

const set = (el: Element, attrs: Record<string, string | null>) => {
  for (const [k, v] of Object.entries(attrs)) v === null ? el.removeAttribute(k) : el.setAttribute(k, v);
};

export function createMentions(widget: () => Widget): Extensions {
  /** Names chosen in this widget, with the comment each names. */
  const chosen = new Map<string, string>();
  /** Each box's listbox container (kept while the box lives, hidden when closed). */
  const lists = new WeakMap<Box, HTMLElement>();
  const styled = new WeakSet<Node>();
  /** The open combobox: its box, where its `@` is, the names offered and the active one. */
  let open: { box: Box; start: number; offered: Person[]; active: number } | null = null;
  /** The box whose listbox the reader closed with Escape: it stays closed until the next input. */
  let dismissed: Box | null = null;

  const listOf = (box: Box): HTMLElement => {
    let holder = lists.get(box);
    if (!holder) {
      const root = box.getRootNode() as ShadowRoot | Document;
      if (!styled.has(root)) {
        styled.add(root);
        (root instanceof Document ? document.head : root).append(Object.assign(document.createElement('style'), { textContent: MENTIONS_CSS }));
      }
      holder = Object.assign(document.createElement('div'), { className: 'mx', hidden: true });
      lists.set(box, holder);
      set(box, { role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${box.id}-mentions` });
    }
    // Right after the box (Preact re-renders the form around it without touching it).
    if (box.nextSibling !== holder) box.after(holder);
    return holder;
  };

  const draw = () => {
    if (!open) return;
    const { box, offered, active } = open;
    const holder = listOf(box);
    const id = `${box.id}-mentions`;
    const t = widget().t.mentions || enMentions;
    holder.hidden = false;
    set(box, { 'aria-expanded': 'true', 'aria-activedescendant': `${id}-${active}` });
    render(
      <div role="listbox" id={id} aria-label={t.label}>
        {offered.map((p, i) => (
          <div
            role="option"
            id={`${id}-${i}`}
            aria-selected={i === active}
            // The box keeps focus (and its caret) on a click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            {p.name}
          </div>
        ))}
      </div>,
      holder,
    );
    holder.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  };

  const close = () => {
    if (!open) return;
    const holder = lists.get(open.box);
    set(open.box, { 'aria-expanded': 'false', 'aria-activedescendant': null });
    if (holder) holder.hidden = true;
    open = null;
  };

  /** Opens, updates or closes the listbox of `box` after an input or a caret move. */
  const update = (box: Box) => {
    const at = box.selectionStart === box.selectionEnd && dismissed !== box ? mentionAt(box.value, box.selectionStart) : null;
    const offered = at ? people(widget().list || [], at.query) : [];
    if (open && open.box !== box) close();
    if (!at || !offered.length) return close();
    open = { box, start: at.start, offered, active: 0 };
    draw();
  };

  function choose(i: number): void {
    if (!open) return;
    const { box, start, offered } = open;
    const person = offered[i]!;
    const next = insertMention(box.value, start, box.selectionStart, person.name);
    chosen.set(person.name, person.id);
    close();
    box.focus();
    // insertText keeps the box's undo history and fires `input` (the form's state follows); else set it by hand.
    box.setSelectionRange(start, box.selectionStart);
    if (!document.execCommand('insertText', false, next.text.slice(start, next.caret))) {
      box.value = next.text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    box.setSelectionRange(next.caret, next.caret);
    close(); // the input event of the insertion would offer names again
  }

  const target = (e: Event) => e.composedPath()[0];

  document.addEventListener('input', (e) => {
    const box = target(e);
    if (!isBox(box)) return;
    if (dismissed === box) dismissed = null;
    update(box);
  });
  document.addEventListener(
    'keydown',
    (e) => {
      if (!open || target(e) !== open.box || e.altKey || e.ctrlKey || e.metaKey) return;
      const { box } = open;
      const n = open.offered.length;
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? n - 1 : 0;
      if (move) {
        open.active = (open.active + move) % n;
        draw();
      } else if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) choose(open.active);
      else if (e.key === 'Escape') {
        dismissed = box;
        close();
      } else {
        // Moving the caret away, or anything else without typing: look again once the key has done its work.
        if (/^(Arrow|Home|End|Page)/.test(e.key)) setTimeout(() => update(box));
        return;
      }
      e.preventDefault();
      e.stopPropagation(); // not the form's keys, nor a passage panel's Escape
    },
    true,
  );
  document.addEventListener('focusout', (e) => {
    if (open && target(e) === open.box) close();
  }, true);
  document.addEventListener('click', (e) => {
    const box = target(e);
    if (isBox(box)) update(box);
  });

  // The reader has just typed the `@` that loaded this bundle.
  const active = deepActive();
  if (isBox(active)) update(active);

  return { mentioned: (body) => mentionedIds(body, chosen) };
}
