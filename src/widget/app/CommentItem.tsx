import { useEffect, useRef, useState } from 'preact/hooks';
import type { TreeNode } from '../../core/comment/comment-tree.js';
import type { PublicComment } from './api.js';
import { CommentForm } from './CommentForm.js';
import { ownComment, saveOwnComment } from './local-store.js';
import { fmt } from './messages.js';
import { fullDate, relativeTime } from './relative-time.js';
import { Votes } from './Votes.js';
import type { Widget } from './widget.js';
import { commentAnchor } from './widget.js';

/** Replies deeper than this are not indented further; they say whom they answer instead. */
export const MAX_INDENT = 5;

interface CommentItemProps {
  w: Widget;
  node: TreeNode<PublicComment>;
  parent?: PublicComment;
  /** Position among its siblings, from 1, and how many siblings there are (-1: not known yet). */
  pos: number;
  size: number;
}

/** One comment, its actions and, nested below it, its replies. */
export function CommentItem({ w, node, parent, pos, size }: CommentItemProps) {
  const { t, cfg } = w;
  const c = node.item;
  const anchor = commentAnchor(c.id);
  const deleted = c.status === 'deleted';
  const [mode, setMode] = useState<'reply' | 'edit' | 'follow' | null>(null);
  const [, setTick] = useState(0);
  const self = useRef<HTMLElement>(null);

  // Edit and Delete show only while the edit window is open: re-render when it closes.
  const own = deleted ? undefined : ownComment(c.id);
  const until = own ? own.editableUntil : 0;
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => setTick(Date.now()), until - Date.now());
    return () => clearTimeout(timer);
  }, [until]);

  const link = (id: string) => `${cfg.url.split('#')[0]}#${commentAnchor(id)}`;
  /** Follows a link to a comment inside the widget: the hash changes and the comment is shown. */
  const go = (e: Event, id: string) => {
    e.preventDefault();
    history.pushState(null, '', `#${commentAnchor(id)}`);
    w.reveal(id);
  };
  /** Closes the reply or edit form, keeping keyboard focus on this comment. */
  const close = () => {
    setMode(null);
    self.current?.focus();
  };
  const remove = async () => {
    if (!own || !confirm(t.confirmDelete)) return;
    try {
      const res = await w.api.remove(c.id, own.token);
      saveOwnComment(c.id, null);
      w.removed(c.id, res ? res.comment : null);
      w.announce(t.removed);
    } catch (err) {
      w.announce(w.fail(err));
    }
  };

  const name = deleted ? t.deleted : c.author.name;
  const site = c.author.url;
  const date = (iso: string) => fullDate(iso, t.locale);

  return (
    <article
      ref={self}
      id={anchor}
      class={`comment${w.target === c.id ? ' hl' : ''}${deleted ? ' deleted' : ''}`}
      aria-labelledby={`${anchor}-h`}
      aria-posinset={pos}
      aria-setsize={size}
      tabIndex={-1}
    >
      <header id={`${anchor}-h`} class="meta">
        {site && /^https?:\/\//i.test(site) ? (
          <a class="author" href={site} rel="nofollow ugc noopener">
            {name}
          </a>
        ) : (
          <span class="author">{name}</span>
        )}
        {!deleted && c.author.badge && <span class="badge">{t[c.author.badge]}</span>}
        {!deleted && c.author.verified && (
          <span class="ok" role="img" aria-label={t.verified}>
            ✓
          </span>
        )}{' '}
        <a
          class="time"
          href={link(c.id)}
          onClick={(e) => {
            go(e, c.id);
            navigator.clipboard?.writeText(link(c.id)).then(() => w.announce(t.linkCopied), () => {});
          }}
        >
          <time dateTime={c.createdAt} title={date(c.createdAt)}>
            {relativeTime(Date.parse(c.createdAt), Date.now(), t.locale)}
          </time>
        </a>
        {c.editedAt && ' '}
        {c.editedAt && (
          <span class="edited" title={date(c.editedAt)}>
            {t.edited}
          </span>
        )}
      </header>
      {parent && c.depth > MAX_INDENT && (
        <a class="re" href={link(parent.id)} onClick={(e) => go(e, parent.id)}>
          {fmt(t.inReplyTo, { name: parent.status === 'deleted' ? t.deleted : parent.author.name })}
        </a>
      )}
      {w.quote?.(c)}
      {mode === 'edit' && own ? (
        <CommentForm w={w} edit={{ comment: c, own }} onDone={close} onCancel={close} />
      ) : (
        !deleted && <div class="body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}
      {!deleted && mode !== 'edit' && (
        <div class="actions">
          <Votes w={w} comment={c} />
          <button type="button" aria-expanded={mode === 'reply'} onClick={() => setMode(mode ? null : 'reply')}>
            {t.reply}
          </button>
          <button type="button" aria-expanded={mode === 'follow'} onClick={() => setMode(mode ? null : 'follow')}>
            {t.follow}
          </button>
          {own && (
            <button type="button" onClick={() => setMode('edit')}>
              {t.edit}
            </button>
          )}
          {own && (
            <button type="button" onClick={remove}>
              {t.delete}
            </button>
          )}
        </div>
      )}
      {mode === 'reply' && <CommentForm w={w} parent={c} onDone={() => setMode(null)} onCancel={close} />}
      {mode === 'follow' && w.follow(c, close)}
      {node.replies.length > 0 && (
        <div class={c.depth < MAX_INDENT ? 'replies' : 'replies flat'}>
          {node.replies.map((reply, i) => (
            <CommentItem
              key={reply.item.id}
              w={w}
              node={reply}
              parent={c}
              pos={i + 1}
              size={node.replies.length}
            />
          ))}
        </div>
      )}
    </article>
  );
}
