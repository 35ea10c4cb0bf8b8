/**
 * A comment's reactions, beside its votes: the reactions used so far as emoji + count buttons (pressed: the reader's
 * own; pressing it again takes it back, pressing another one moves it there), and "Add a reaction", which opens a
 * small menu of the site's reactions (arrow keys, Home, End; Escape closes it and gives focus back). One reaction per
 * reader per comment: the server keeps it under the reader's voter key, this browser remembers which (store.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublicComment } from '../app/api.js';
import { voterKey } from '../app/local-store.js';
import { enReactions, fmt, plural } from '../app/messages.js';
import type { Widget } from '../app/widget.js';
import { EMOJI, reactionsOf, usedReactions } from './counts.js';
import { ownReaction, saveReaction } from './store.js';
import { REACTIONS_CSS } from './style.js';

/** What `POST /api/v1/comments/{id}/react` answers. */
interface ReactReply {
  reaction: string | null;
  reactions: Record<string, number>;
}

/** Shadow roots that have the CSS already. */
const styled = new WeakSet<Node>();

const Emoji = ({ k }: { k: string }) => <span aria-hidden="true">{EMOJI[k]}</span>;

export function Reactions({ w, c, site }: { w: Widget; c: PublicComment; site: string[] }) {
  const { t } = w;
  const s = t.reactions || enReactions;
  const [mine, setMine] = useState(() => ownReaction(c.id));
  const [open, setOpen] = useState(false);
  const busy = useRef(false);
  const self = useRef<HTMLSpanElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLSpanElement | null>(null);
  const name = (k: string) => (s.names as Record<string, string>)[k] || k;

  useEffect(() => {
    const root = self.current!.getRootNode() as ShadowRoot;
    if (styled.has(root)) return;
    styled.add(root);
    root.append(Object.assign(document.createElement('style'), { textContent: REACTIONS_CSS }));
  }, []);
  /** The menu, as it mounts: focus goes to the reader's reaction, else to the first one (before the next keystroke). */
  const opened = (el: HTMLSpanElement | null) => {
    menu.current = el;
    if (el && !el.contains((el.getRootNode() as ShadowRoot).activeElement)) (el.querySelector<HTMLElement>('[aria-checked=true]') || (el.firstChild as HTMLElement)).focus();
  };

  const close = () => {
    setOpen(false);
    add.current?.focus();
  };
  const react = async (key: string | null) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const res = await w.api.call<ReactReply>('POST', `comments/${encodeURIComponent(c.id)}/react`, { reaction: key }, { 'X-Parley-Voter': voterKey() });
      setMine(res.reaction);
      saveReaction(c.id, res.reaction);
      w.changed({ ...c, reactions: res.reactions } as PublicComment);
    } catch (err) {
      w.announce((err as { code?: string }).code === 'REACTION_INVALID' ? s.invalid : await w.fail(err));
    }
    busy.current = false;
  };
  const toggle = (k: string) => react(mine === k ? null : k);
  const keys = (e: KeyboardEvent) => {
    const items = [...menu.current!.children] as HTMLElement[];
    const i = items.indexOf(e.target as HTMLElement);
    const to = ({ ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: -1 } as Record<string, number>)[e.key];
    if (e.key === 'Escape') {
      e.stopPropagation(); // a passage panel around this closes on Escape: only the menu closes
      close();
    } else if (to !== undefined) {
      e.preventDefault();
      items.at(to % items.length)?.focus();
    }
  };

  if (!site.length) return null;
  return (
    <span
      ref={self}
      class="rx"
      role="group"
      aria-label={s.label}
      // Focus leaving the reactions (Tab, a click elsewhere) closes the menu.
      onFocusOut={(e) => self.current?.contains(e.relatedTarget as Node) || setOpen(false)}
    >
      {usedReactions(site, reactionsOf(c)).map(([k, n]) => {
        const label = fmt(plural(s.count, n, t.locale), { name: name(k) });
        return (
          <button type="button" class="rc" aria-pressed={mine === k} aria-label={label} title={label} onClick={() => toggle(k)}>
            <Emoji k={k} /> {n.toLocaleString(t.locale)}
          </button>
        );
      })}
      <button ref={add} type="button" class="ra" aria-haspopup="menu" aria-expanded={open} aria-label={s.add} title={s.add} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">☺+</span>
      </button>
      {open && (
        <span ref={opened} role="menu" class="rp" aria-label={s.add} onKeyDown={keys}>
          {site.map((k) => {
            const label = fmt(s.reactWith, { name: name(k) });
            return (
              <button
                type="button"
                role="menuitemradio"
                aria-checked={mine === k}
                tabIndex={-1}
                aria-label={label}
                title={label}
                onClick={() => {
                  close();
                  toggle(k);
                }}
              >
                <Emoji k={k} />
              </button>
            );
          })}
        </span>
      )}
    </span>
  );
}
