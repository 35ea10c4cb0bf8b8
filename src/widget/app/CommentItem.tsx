import { useRef, useState } from 'preact/hooks';
import type { TreeNode } from '../../core/comment/comment-tree.js';
import type { PublicComment } from './api.js';
import { CommentForm } from './CommentForm.js';
import { ownComment } from './local-store.js';
import { fmt } from './messages.js';
import { fullDate, relativeTime } from './relative-time.js';
import { Votes } from './Votes.js';
import type { Widget } from './widget.js';
import { commentAnchor } from './widget.js';

/**
 * The author's picture: the SSO picture (https only, no referrer, lazy), else initials on a colour chosen from
 * `author.key` (white text on a dark tone: ≥ 4.5:1 on every hue). Decorative: the name follows. Nothing from a third party.
 */
function Avatar({ c }: { c: PublicComment }) {
  const { name, avatar, key } = c.author;
  if (/^https:\/\//i.test(avatar!)) {
    return <img class="av" src={avatar!} alt="" referrerpolicy="no-referrer" loading="lazy" width={32} height={32} />;
  }
  let hue = 0;
  for (const ch of key || name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  // The first letters (whole code points) of the first and the last word.
  const [first, ...rest] = name.trim().split(/\s+/).map((w) => [...w][0]!.toUpperCase());
  return (
    <span class="av" style={`--h:${hue}`} aria-hidden="true">
      {first}
      {rest.pop()}
    </span>
  );
}

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
  const [mode, setMode] = useState<'reply' | 'edit' | 'follow' | 'delete' | null>(null);
  const self = useRef<HTMLElement>(null);
  // One's own comment in its edit window: account.js shows Edit and Delete (gone when the window closes).
  const own = deleted ? undefined : ownComment(c.id);

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

  const name = deleted ? t.deleted : c.author.name;
  const site = c.author.url;
  const date = (iso: string) => fullDate(iso, t.locale);
  /** Buttons of this comment name it: their description is the comment's header (author and date). */
  const about = { 'aria-describedby': `${anchor}-h` };

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
        {!deleted && <Avatar c={c} />}
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
            navigator.clipboard?.writeText(link(c.id)).then(() => w.announce(t.linkCopied, c.id), () => {});
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
        !deleted && (
          <div
            class="body"
            // A click on an @mention (`a.mention[data-comment]`) shows the comment it names, like "in reply to".
            onClick={(e) => {
              const id = (e.target as HTMLElement).dataset.comment;
              if (id) go(e, id);
            }}
            dangerouslySetInnerHTML={{ __html: c.html }}
          />
        )
      )}
      {!deleted && mode !== 'edit' && (
        <div class="actions">
          <Votes w={w} comment={c} about={about} />
          {w.reactions?.(c)}
          <button type="button" {...about} aria-expanded={mode === 'reply'} onClick={() => setMode(mode ? null : 'reply')}>
            {t.reply}
          </button>
          {w.config?.mail && (
            <button type="button" {...about} aria-expanded={mode === 'follow'} onClick={() => setMode(mode ? null : 'follow')}>
              {t.follow}
            </button>
          )}
          {own && w.mine(own, about, setMode)}
        </div>
      )}
      {mode === 'delete' && own && w.confirmDelete(c, own.token, () => setMode(null))}
      {w.toast(c.id)}
      {mode === 'reply' && <CommentForm w={w} parent={c} onDone={() => setMode(null)} onCancel={close} />}
      {mode === 'follow' && w.follow(c, close)}
      {node.replies.length > 0 && (
        // Beyond MAX_INDENT, replies stop indenting (no class).
        <div class={c.depth < MAX_INDENT ? 'replies' : undefined}>
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
