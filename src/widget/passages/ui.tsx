/**
 * passages.js's part of the widget, rendered with app.js's Preact and components (kit.ts): the tabs, the Inline
 * Feedbacks list, the quote above a passage comment, and the panel shown in the article below a paragraph.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PostCommentBody } from '../../api/schemas.js';
import type { TreeNode } from '../../core/comment/comment-tree.js';
import type { PostReply, PublicComment } from '../app/api.js';
import type { PassageMessages } from '../app/messages.js';
import type { Widget } from '../app/widget.js';
import { commentAnchor } from '../app/widget.js';
import { kit } from '../shared/kit.js';
import { WIDGET_CSS } from './style.js';

/** What the components read from passages.js's state. */
export interface State {
  s: PassageMessages;
  /** The page's passage comments with their replies; null until fetched. */
  list: PublicComment[] | null;
  /** Top-level passage threads, in article order (orphans last). */
  threads(): TreeNode<PublicComment>[];
}

/**
 * The passage a comment is about: the editor's question if any, the quote as the reader selected it (a button
 * that shows it in the article, when it is there), and a note when the passage changed since.
 */
export const Quote = ({ exact, question, show, note }: { exact: string; question?: string | null | undefined; show?: (() => void) | undefined; note?: string | false | undefined }) => (
  <blockquote class="quote">
    {question && <strong>{question} </strong>}
    {show ? (
      <button type="button" onClick={show}>
        <q>{exact}</q>
      </button>
    ) : (
      <q>{exact}</q>
    )}
    {note && <em>{note}</em>}
  </blockquote>
);

/** WAI-ARIA tabs over the discussion: "Inline Feedbacks" (passage threads in article order) and the app's list. */
export function Tabs({ w, all, st }: { w: Widget; all: ComponentChildren; st: State }) {
  const [tab, setTab] = useState(1);
  const { s } = st;
  const threads = st.threads();
  return (
    <div>
      <style>{WIDGET_CSS}</style>
      <div
        role="tablist"
        aria-label={w.t.commentsLabel}
        onKeyDown={(e) => {
          const key = ['ArrowLeft', 'ArrowRight', 'Home', 'End'].indexOf(e.key);
          if (key < 0) return;
          e.preventDefault();
          const next = key > 1 ? key - 2 : 1 - tab; // two tabs: either arrow goes to the other one
          setTab(next);
          (e.currentTarget.children[next] as HTMLElement).focus();
        }}
      >
        {[s.inline, w.t.viewAll].map((label, i) => (
          <button
            type="button"
            role="tab"
            id={`parley-tab-${i}`}
            aria-selected={tab === i}
            aria-controls="parley-tabpanel"
            tabIndex={tab === i ? 0 : -1}
            onClick={() => setTab(i)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="parley-tabpanel" aria-labelledby={`parley-tab-${tab}`}>
        {tab
          ? all
          : // A feed only with articles (or while loading): an empty one breaks ARIA's required children.
            (threads.length > 0 || !st.list) && (
              <div role="feed" class="list" aria-busy={!st.list} aria-label={s.inline}>
                {threads.map((node, i) => (
                  <kit.CommentItem key={node.item.id} w={w} node={node} pos={i + 1} size={threads.length} />
                ))}
              </div>
            )}
        {!tab && !threads.length && <p class="muted">{st.list ? s.noInline : w.t.loading}</p>}
      </div>
    </div>
  );
}

/** What a panel in the article shows: a new passage's form, then the threads of these top-level comments. */
export interface PanelView {
  draft?: {
    /** What `POST /api/v1/comments` takes as `passage`. */
    passage: PostCommentBody['passage'];
    exact: string;
    question?: string | undefined;
    /** The article text the selector was made on (sent to /api/v1/pages/hint when the server lacks it). */
    text: string;
  } | undefined;
  ids: string[];
  /** A comment to focus once shown. */
  focus?: string | undefined;
}

interface PanelProps {
  w: Widget;
  st: State;
  view: PanelView;
  close(): void;
  /** After posting the draft. */
  done(posted?: PostReply): void;
}

/** A paragraph's passage threads, in the article below it. Escape or × closes it. */
export function Panel({ w, st, view, close, done }: PanelProps) {
  const self = useRef<HTMLElement>(null);
  const opened = useRef(false);
  // Focus: the comment asked for; else the panel itself when it opens on threads (a form focuses its text box).
  useEffect(() => {
    const el = view.focus ? self.current?.querySelector<HTMLElement>(`#${commentAnchor(view.focus)}`) : !opened.current && !view.draft && self.current;
    opened.current = true;
    if (el) el.focus();
  }, [view]);
  const nodes = st.threads().filter((n) => view.ids.includes(n.item.id));
  const theme = w.cfg.theme;

  return (
    <section
      ref={self}
      class={`parley ${theme === 'light' || theme === 'dark' ? theme : 'auto'} panel`}
      tabIndex={-1}
      aria-label={st.s.inline}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <style>{WIDGET_CSS}</style>
      <button type="button" class="x" aria-label={st.s.close} onClick={close}>
        ×
      </button>
      {view.draft && <Quote exact={view.draft.exact} question={view.draft.question} />}
      {view.draft && <kit.CommentForm w={w} passage={view.draft.passage} onDone={done} onCancel={close} />}
      {nodes.map((node, i) => (
        <kit.CommentItem key={node.item.id} w={w} node={node} pos={i + 1} size={nodes.length} />
      ))}
    </section>
  );
}
