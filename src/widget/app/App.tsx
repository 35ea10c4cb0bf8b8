import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { jsx } from 'preact/jsx-runtime';
import { buildTree } from '../../core/comment/comment-tree.js';
import type { SortOrder } from '../../core/comment/sort.js';
import type { WidgetConfig } from '../shared/config.js';
import type { Account, AccountWindow, User } from '../shared/account.js';
import type { Extensions, ExtensionWindow } from '../shared/extensions.js';
import type { Kit, Passages, PassagesWindow } from '../shared/passages.js';
import type { Compose, ComposeWindow } from '../shared/compose.js';
import type { PublicComment, SiteConfig } from './api.js';
import { createApi, isApiError } from './api.js';
import { CommentForm } from './CommentForm.js';
import { CommentItem } from './CommentItem.js';
import { errorText, fmt, messagesFor, plural } from './messages.js';
import { saveAuthor, saveOwnComment, signedInBefore } from './local-store.js';
import { addComments, removeComment, replaceComment } from './thread-list.js';
import type { Widget } from './widget.js';
import { commentAnchor } from './widget.js';

const SORTS: SortOrder[] = ['newest', 'oldest', 'top'];

/** How `load` fetches: the first page (replacing the list), the next page, or every remaining page. */
const enum Load {
  First,
  Next,
  All,
}

/** The comment named by the page's hash (`#parley-comment-<id>`), if any. */
const hashTarget = (): string | undefined => /^#parley-comment-([\w-]+)$/.exec(location.hash)?.[1];

/**
 * One discussion: heading and count, the form, the sort control and the threaded list, page by page. When the
 * embed tag's `data-content` names an article container on the page, passages.js is loaded for inline feedback:
 * it adds the tabs, the quotes above passage comments and everything in the article.
 */
export function App({ cfg }: { cfg: WidgetConfig }) {
  const [t] = useState(() => messagesFor(cfg.lang));
  const [api] = useState(() => createApi(cfg.base, () => (window as { parleySso?: () => string }).parleySso?.() || cfg.sso));
  const [sort, setSort] = useState(() => SORTS.find((s) => s === cfg.sort) || 'newest');
  const [list, setList] = useState<PublicComment[]>([]);
  /** null until the first page says how many there are. */
  const [total, setTotal] = useState<number | null>(null);
  /** `GET /api/v1/config` (null until it answers, {} when it failed: nothing optional is offered then). */
  const [config, setConfig] = useState<SiteConfig | null>(null);
  /** SITE_NOT_FOUND or ORIGIN_NOT_ALLOWED: the embed cannot work here; only that is said. */
  const [fatal, setFatal] = useState('');
  const [compose, setCompose] = useState<Compose | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  /** The status message, and the comment it is about ('' for none). */
  const [message, setMessage] = useState(['', '']);
  const [, setNow] = useState(0);
  const [passages, setPassages] = useState<Passages | null>(null);
  const [user, setUser] = useState<User | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  /** account.js: loading (or loaded) since the first need. */
  const accountAsked = useRef(false);
  /** Comments that arrived live, shown on request ("N new comments"); `epoch` reloads the list (resync). */
  const [fresh, setFresh] = useState<PublicComment[]>([]);
  const [epoch, setEpoch] = useState(0);
  const ids = new Set(list.map((c) => c.id));
  const news = fresh.filter((c) => !ids.has(c.id));
  const root = useRef<HTMLElement>(null);
  /** Adds `<script src=BASE/widget/NAME.js>` to the page; `then` runs once it has loaded, `no` if it failed to. */
  const script = (name: string, then: () => void, no?: () => void) => {
    const el = document.createElement('script');
    el.src = `${cfg.base}widget/${name}.js`;
    el.onload = then;
    if (no) el.onerror = no;
    document.head.append(el);
  };
  /** Counts first-page loads, so that answers for an older sort order are dropped. */
  const request = useRef(0);
  /** A comment to focus (and maybe scroll to) once it is rendered. */
  const pending = useRef<[string, boolean] | null>(null);

  /** An error's message; one that only compose.js words ("an error to show") loads it first. */
  const fail = async (err: unknown) => {
    const max = config?.maxCommentLength;
    let code = isApiError(err) ? err.code : 'INTERNAL';
    // "too long" says the limit when it is known.
    if (code === 'BODY_TOO_LONG' && !max) code = 'PAYLOAD_TOO_LARGE';
    return fmt(errorText(t, code, code in t.errors ? undefined : (await needCompose())?.errors(w)), { max: max?.toLocaleString(t.locale)! });
  };
  /** A wrong site id or a foreign origin: the reader is told, the publisher gets one console error with the fix. */
  const told = useRef(0);
  const refused = (err: unknown) => {
    const code = isApiError(err) && /^(SITE_NOT_FOUND|ORIGIN_NOT_ALLOWED)$/.test(err.code) ? err.code : '';
    if (code && !told.current) {
      told.current = 1;
      setFatal(code);
      const add = code === 'SITE_NOT_FOUND';
      console.error(`Parley: ${code}; run: parley site ${add ? 'add' : 'update'} ${cfg.site} --origin ${location.origin}${add ? '' : ' (with its other origins)'}`);
    }
    return code;
  };
  const clear = useRef(0);
  /** Shows `text` in the status line (also a polite live region) for a few seconds, near the comment `near`. */
  const announce = (text: string, near = '') => {
    // A live region repeats a message only if its text changes: alternate a trailing no-break space.
    setMessage(([m]) => [m === text ? `${text}\u00a0` : text, near]);
    clearTimeout(clear.current);
    clear.current = setTimeout(() => setMessage(['', '']), 6000) as unknown as number;
  };
  /** The visible status line (the live region itself is not shown), in the flow: it never covers comment text. */
  const toast = (near: string) =>
    message[0] && message[1] === near ? (
      <p class="status" aria-hidden="true">
        {message[0]}
      </p>
    ) : null;
  const reveal = (id: string, mark = true) => {
    if (mark) setTarget(id);
    pending.current = [id, mark];
  };
  /** Shows a comment, first fetching its conversation when it is not listed. */
  const show = async (id: string, listed: boolean) => {
    try {
      if (!listed) {
        const { comments } = await api.conversation(id, cfg.site, cfg.url);
        setList((l) => addComments(l, comments));
      }
      reveal(id);
    } catch {
      /* a stale or foreign link: nothing to show */
    }
  };

  const load = async (how: Load, order = sort) => {
    const n = how === Load.First ? ++request.current : request.current;
    let acc = how === Load.First ? [] : list;
    let next = how === Load.First ? null : cursor;
    let added = 0;
    setLoading(true);
    setError('');
    try {
      do {
        const page = await api.list(cfg.site, cfg.url, order, next, how === Load.All ? 100 : 0);
        if (n !== request.current) return;
        const seen = new Set(acc.map((c) => c.id));
        const fresh = page.comments.filter((c) => !seen.has(c.id));
        // Keyboard focus moves to the first comment loaded, where reading continues.
        if (how !== Load.First && !added && fresh[0]) reveal(fresh[0].id, false);
        acc = acc.concat(fresh);
        added += fresh.length;
        next = page.nextCursor;
        setList(acc);
        setCursor(next);
        setTotal(page.total);
      } while (how === Load.All && next);
      if (how !== Load.First) announce(plural(t.loadedMore, added, t.locale));
      const linked = n === 1 && how === Load.First && hashTarget();
      if (linked) show(linked, acc.some((c) => c.id === linked));
    } catch (err) {
      if (refused(err)) return;
      if (how === Load.First) setError(await fail(err));
      else announce(await fail(err));
    }
    if (n === request.current) setLoading(false);
  };

  useEffect(() => {
    load(Load.First, sort);
  }, [sort, epoch]);
  // Once, at the start: what the server offers, live updates, the bundles this page needs, the clock and the hash.
  useEffect(() => {
    // What the server offers (mail, sign-in, limits), asked in parallel with the first page.
    api.config(cfg.site).then(setConfig, (err) => {
      refused(err);
      setConfig({});
    });

    // Live updates: edits, deletions and votes apply in place; new comments wait for the reader (see `news`).
    const es = new EventSource(`${cfg.base}api/v1/stream?${new URLSearchParams({ site: cfg.site, url: cfg.url })}`);
    const on = (type: string, f: (c: PublicComment) => void) => es.addEventListener(type, (e) => f(JSON.parse(e.data)));
    const edit = (f: (l: PublicComment[]) => PublicComment[]) => {
      setList(f);
      setFresh(f);
    };
    on('comment.created', (c) => setFresh((f) => f.concat(c)));
    on('comment.updated', (c) => edit((l) => replaceComment(l, c)));
    on('comment.voted', (v) => edit((l) => l.map((c) => (c.id === v.id ? { ...c, ...v } : c))));
    on('comment.deleted', (c) => edit((l) => (c.replyCount ? replaceComment(l, c) : removeComment(l, c.id))));
    on('resync', () => {
      setFresh([]);
      setEpoch((n) => n + 1);
    });

    if (signedInBefore() || api.sso() || /parley-signin=/.test(location.hash)) loadAccount();
    let content: Element | null = null;
    try {
      content = cfg.content ? document.querySelector(cfg.content) : null;
    } catch {
      /* not a valid selector: no inline feedback */
    }
    if (content) script('passages', () => setPassages((window as PassagesWindow).__parleyPassages!(kit, content, () => setNow(Date.now()))));

    const onHash = () => {
      const id = hashTarget();
      if (id) show(id, !!root.current?.querySelector(`#${commentAnchor(id)}`));
    };
    // Relative dates stay right: every minute, and at once when a long-hidden tab or window comes back.
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 60_000);
    const off = new AbortController();
    const o = { signal: off.signal };
    addEventListener('hashchange', onHash, o);
    addEventListener('focus', tick, o);
    document.addEventListener('visibilitychange', tick, o);
    return () => {
      es.close();
      clearInterval(timer);
      off.abort();
    };
  }, []);

  /** The reader's last posted comment: the stream often announces it before its POST answers; it is not news. */
  const mine = useRef('');
  useEffect(() => {
    const n = news.filter((c) => c.id !== mine.current).length;
    if (n) announce(plural(t.newComments, n, t.locale));
  }, [news.length]);
  const insert = () => {
    setList((l) => news.reduce((a, c) => addComments(a, [c]), l));
    setTotal((n) => n! + news.length);
    setFresh([]);
    reveal(news.at(-1)!.id, false);
    for (const c of news) passages?.add(c);
  };

  // prettier-ignore
  const kit: Kit = { jsx, render, useState, useEffect, useRef, CommentItem, CommentForm, fmt, plural, saveOwnComment, saveAuthor, buildTree, addComments, replaceComment, removeComment };
  /** reactions.js and mentions.js (shared/extensions.ts), loaded once each on need; what they give joins `w`. */
  const [ext, setExt] = useState<Extensions>({});
  const asked = useRef<Record<string, 1>>({});
  const self = useRef<Widget | null>(null);
  const extend = (name: 'reactions' | 'mentions') =>
    asked.current[name] ||
    ((asked.current[name] = 1),
    script(name, () => setExt((x) => ({ ...x, ...(window as ExtensionWindow).__parleyExtensions![name]!(kit, () => self.current!) }))));
  /** Loads account.js (once); `open`: the reader asked to sign in, so its form opens at once. */
  const loadAccount = (open = false): undefined => {
    if (accountAsked.current) return;
    accountAsked.current = true;
    script('account', () => setAccount((window as AccountWindow).__parleyAccount!(kit, { w, setUser, open })));
  };

  /**
   * Loads compose.js (sending, toolbar, help, preview, counter, Edit and Delete of one's own comment, later error
   * messages) once, only for a reader who writes: focus or pointer on a form, an error only it words, one's own
   * comment in its edit window. Null when it could not be loaded (the next need tries again).
   */
  const composing = useRef<Promise<Compose | null> | undefined>(undefined);
  const needCompose = () =>
    (composing.current ||= new Promise((done) =>
      script(
        'compose',
        () => {
          const c = (window as ComposeWindow).__parleyCompose!(kit);
          setCompose(c);
          done(c);
        },
        () => {
          composing.current = undefined;
          done(null);
        },
      ),
    ));

  // After a render that shows a comment to reveal: focus it and bring it into view.
  useEffect(() => {
    const [id, mark] = pending.current || [];
    const el = id && root.current?.querySelector<HTMLElement>(`#${commentAnchor(id)}`);
    if (!el) return;
    pending.current = null;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: mark ? 'center' : 'nearest' });
  });

  const w: Widget = {
    cfg,
    api,
    t,
    announce,
    toast,
    compose,
    needCompose,
    config: config || undefined,
    fail,
    target,
    reveal,
    quote: passages?.quote,
    user,
    // account.js's parts: loaded on the first need, nothing shown until it is there.
    follow: (c, done) => (account ? account.follow(c, user, done) : loadAccount()),
    // One's own comment in its edit window: compose.js (the reader is writing), loaded when the list shows one.
    mine: (own, about, act) => (compose ? compose.mine(w, own, about, act) : void needCompose()),
    confirmDelete: (c, token, done) => (account ? account.confirmDelete(c, token, done) : loadAccount()),
    notify: (control) => (account ? account.notify(control) : loadAccount()),
    posted(comment, stay) {
      mine.current = comment.id;
      setList((l) => addComments(l, [comment]));
      setTotal((n) => n! + 1);
      announce(t.posted, comment.id);
      if (!stay) reveal(comment.id);
      passages?.add(comment);
    },
    changed(comment) {
      setList((l) => replaceComment(l, comment));
      passages?.add(comment);
    },
    removed(id, placeholder) {
      setList((l) => (placeholder ? replaceComment(l, placeholder) : removeComment(l, id)));
      setTotal((n) => n! - 1);
      passages?.remove(id, placeholder);
    },
    at: () => extend('mentions'),
    list,
    ...ext,
  };
  self.current = w;
  if (w.config?.reactions?.length) extend('reactions');
  const canSignIn = !!config?.mail && !!config.signIn?.includes('email');
  const tree = buildTree(list);
  const heading = 'parley-heading';
  // The list: sort control, comments, paging ("View all comments" under passages.js's tabs).
  const all = (
    <>
      <div class="bar">
        {news.length > 0 && (
          <button type="button" class="new" onClick={insert}>
            {plural(t.newComments, news.length, t.locale)}
          </button>
        )}
        <label>
          {t.sortBy}{' '}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortOrder)}>
            {SORTS.map((s) => (
              <option value={s}>{t[s]}</option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p class="err">
          {error}{' '}
          <button type="button" onClick={() => load(Load.First)}>
            {t.retry}
          </button>
        </p>
      )}
      {/* An empty feed is no feed (axe: a feed needs articles); while loading it is busy. */}
      <div aria-busy={loading} {...(tree.length || loading) && { role: 'feed', 'aria-label': t.commentsLabel }}>
        {tree.map((node, i) => (
          <CommentItem key={node.item.id} w={w} node={node} pos={i + 1} size={cursor ? -1 : tree.length} />
        ))}
      </div>
      {!tree.length && !error && <p class="muted">{loading ? t.loading : t.empty}</p>}
      {cursor && (
        <div class="actions more">
          <button type="button" onClick={() => loading || load(Load.Next)}>
            {t.loadMore}
          </button>
          <button type="button" onClick={() => loading || load(Load.All)}>
            {t.viewAll}
          </button>
        </div>
      )}
    </>
  );

  return (
    <section
      ref={root}
      class={`parley ${cfg.theme === 'light' || cfg.theme === 'dark' ? cfg.theme : 'auto'}`}
      lang={t.locale}
      aria-labelledby={heading}
    >
      <header class="head">
        <h2 id={heading}>{t.heading}</h2>
        {total !== null && <p class="count">{plural(t.comments, total, t.locale)}</p>}
      </header>
      {fatal ? (
        <p class="err">{errorText(t, fatal)}</p>
      ) : (
        <>
          {/* Signing in by email needs mail; who is signed in (e.g. by SSO) shows either way. */}
          {account && (user || canSignIn)
            ? account.bar(user)
            : canSignIn && (
                <p class="acct">
                  <button type="button" class="link" onClick={() => loadAccount(true)}>
                    {t.signIn}
                  </button>
                </p>
              )}
          <CommentForm w={w} />
          {passages ? passages.tabs(w, all) : all}
          {toast('')}
        </>
      )}
      {compose && <style>{compose.css}</style>}
      <div class="sr" aria-live="polite">
        {message[0]}
      </div>
    </section>
  );
}
