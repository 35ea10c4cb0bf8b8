/**
 * Signing in and out inside the embed, and following a comment's replies; rendered with app.js's Preact (kit).
 *
 * Sign-in: the reader's email goes to `POST /api/v1/auth/magic-link` with this page as `returnUrl`; the mailed link
 * opens this page again with `#parley-signin=<token>`, which is taken out of the address bar at once and posted to
 * `POST /api/v1/auth/verify`. Both calls carry cookies, so the nonce cookie of the first and the session cookie of
 * the second live in the embed's own cookie partition (CHIPS): sign-in works even when Parley is on another site.
 * Guest comments this browser wrote (their edit tokens) are then claimed into the account.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import type { PublicComment } from '../app/api.js';
import { ownComments, savedAuthor, signedInBefore } from '../app/local-store.js';
import { enAccount } from '../app/messages.js';
import type { Account, AccountHost, User } from '../shared/account.js';
import { SIGNED_IN_KEY } from '../shared/account.js';
import { fmt } from '../shared/kit.js';
import { Confirm, notifyChoices } from './own.js';
import { ACCOUNT_CSS } from './style.js';

type Me = { user: User | null; csrf?: string };

let ids = 0;

export function createAccount(host: AccountHost): Account {
  const { w, setUser } = host;
  const { api, cfg, t } = w;
  const s = t.account || enAccount; // German etc.: carried by the language's catalogue (shared/i18n.ts)

  /** Takes the answer of /me or /auth/verify: cookies stay on only with a session. */
  const take = (me: Me) => {
    api.auth(!!me.csrf, me.csrf);
    try {
      if (me.csrf) localStorage[SIGNED_IN_KEY] = '1';
      else delete localStorage[SIGNED_IN_KEY];
    } catch {
      /* storage blocked: the next page will not know */
    }
    setUser(me.user);
    return me.user;
  };
  const sso = () => api.sso();
  const ssoHeader = (): Record<string, string> => (sso() ? { Authorization: `ParleySSO ${sso()}` } : {});

  /** On start: a sign-in link's token in the address bar, else who is signed in (session or publisher SSO). */
  async function start(say: (text: string) => void): Promise<void> {
    const token = /[#&]parley-signin=([^&]*)/.exec(location.hash)?.[1];
    if (token) {
      history.replaceState(history.state, '', location.href.split('#')[0]);
      say(s.signingIn);
      api.auth(true);
      try {
        const user = take(await api.call<Me>('POST', 'auth/verify', { token: decodeURIComponent(token) }));
        say(fmt(s.signedIn, { name: user!.name }));
        const tokens = Object.entries(ownComments()).slice(-200).map(([id, own]) => ({ id, editToken: own.token }));
        if (tokens.length) await api.call('POST', 'auth/claim', { tokens }).catch(() => {});
      } catch (err) {
        api.auth(false);
        say((err as { code?: string }).code === 'SIGN_IN_LINK_INVALID' ? s.linkInvalid : await w.fail(err));
      }
      return;
    }
    // Who is signed in is asked only of a browser that signed in before, or with the publisher's SSO token: account.js
    // also comes for a guest's own comments or "Notify of", which cost no /me request.
    if (!sso() && !signedInBefore()) return;
    if (sso()) api.auth(false);
    else api.auth(true);
    try {
      take(await api.call<Me>('GET', `me?site=${encodeURIComponent(cfg.site)}`, undefined, ssoHeader()));
    } catch {
      api.auth(false);
    }
  }

  function Bar({ user }: { user: User | null }) {
    const [open, setOpen] = useState(host.open);
    const [email, setEmail] = useState(() => savedAuthor().email || '');
    const [status, setStatus] = useState('');
    const [busy, setBusy] = useState(false);
    const [id] = useState(() => `parley-acct-${++ids}`);
    const input = useRef<HTMLInputElement>(null);
    // The form opens on the reader's click: the caret goes to the address.
    useEffect(() => {
      if (open) input.current?.focus();
    }, [open]);
    const say = (text: string) => {
      setStatus(text);
      w.announce(text);
    };
    useEffect(() => {
      start(say);
    }, []);

    const send = async (e: TargetedEvent<HTMLFormElement>) => {
      e.preventDefault();
      const address = email.trim();
      if (busy) return;
      if (!address) return say(await w.fail({ code: 'EMAIL_INVALID' }));
      setBusy(true);
      try {
        api.auth(true);
        const { token } = await api.csrf(cfg.site);
        await api.call('POST', 'auth/magic-link', { site: cfg.site, email: address, returnUrl: location.href.split('#')[0] }, { 'X-Parley-CSRF': token });
        setOpen(false);
        say(fmt(s.linkSent, { email: address }));
      } catch (err) {
        say((err as { code?: string }).code === 'MAIL_DISABLED' ? s.mailOff : await w.fail(err));
      }
      setBusy(false);
    };
    const out = async (path: string) => {
      try {
        await api.call('POST', path);
        take({ user: null });
        say(s.signedOut);
      } catch (err) {
        say(await w.fail(err));
      }
    };

    const line = status && (
      <span class="hint" role="status">
        {' '}
        {status}
      </span>
    );
    return (
      <div class="acct">
        <style>{ACCOUNT_CSS}</style>
        {user ? (
          <p>
            {fmt(s.signedIn, { name: user.name })}
            {user.badge && <span class="badge">{t[user.badge]}</span>}
            {user.via === 'email' && (
              <span>
                {' · '}
                <button type="button" class="link" onClick={() => out('auth/logout')}>
                  {s.signOut}
                </button>
                {' · '}
                <button type="button" class="link" onClick={() => out('auth/logout-all')}>
                  {s.signOutAll}
                </button>
              </span>
            )}
          </p>
        ) : open ? (
          <form class="form" onSubmit={send} aria-labelledby={`${id}-h`} noValidate>
            <p id={`${id}-h`} class="title">
              {s.signInTitle}
            </p>
            <label for={`${id}-email`}>{t.email.split(' (')[0]}</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="email"
              value={email}
              ref={input}
              aria-describedby={`${id}-note`}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
            <p id={`${id}-note`} class="hint">
              {s.signInNote}
            </p>
            <div class="actions">
              <button type="submit" class="primary" aria-disabled={busy}>
                {busy ? s.sending : s.sendLink}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t.cancel}
              </button>
            </div>
          </form>
        ) : (
          <p>
            <button type="button" class="link" onClick={() => setOpen(true)}>
              {t.signIn}
            </button>
          </p>
        )}
        {!open && line}
        {open && status && <p class="err">{status}</p>}
      </div>
    );
  }

  /** "Email me new replies to this comment" (or, on a passage comment, on its passage thread). */
  function Follow({ c, user, done }: { c: PublicComment; user: User | null; done: () => void }) {
    const [email, setEmail] = useState(() => savedAuthor().email || '');
    const [mode, setMode] = useState('immediate');
    const [error, setError] = useState('');
    const [id] = useState(() => `parley-follow-${++ids}`);
    const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
    useEffect(() => first.current?.focus(), []);
    const passage = !!c.passage && !c.parentId;
    const submit = async (e: TargetedEvent<HTMLFormElement>) => {
      e.preventDefault();
      try {
        const headers = api.session() ? {} : { 'X-Parley-CSRF': (await api.csrf(cfg.site)).token, ...ssoHeader() };
        const body = { site: cfg.site, url: cfg.url, kind: passage ? 'passage' : 'comment', commentId: c.id, mode, ...(user ? {} : { email: email.trim() }) };
        const r = await api.call<{ status: string }>('POST', 'subscriptions', body, headers);
        w.announce(r.status === 'active' ? t.subscribed : t.checkInbox);
        done();
      } catch (err) {
        setError(await w.fail(err));
      }
    };
    return (
      <form class="form follow" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
        <p id={`${id}-h`} class="title">
          {passage ? s.followPassage : s.followTitle}
        </p>
        {!user && <label for={`${id}-email`}>{t.email.split(' (')[0]}</label>}
        {!user && <input id={`${id}-email`} ref={first} type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        <label for={`${id}-mode`}>{s.how}</label>
        <select id={`${id}-mode`} ref={user ? first : undefined} value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
          {(['immediate', 'hourly', 'daily'] as const).map((m) => (
            <option value={m}>{s[m]}</option>
          ))}
        </select>
        {error && (
          <p class="err" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {s.subscribe}
          </button>
          <button type="button" onClick={done}>
            {t.cancel}
          </button>
        </div>
      </form>
    );
  }

  return {
    bar: (user) => <Bar user={user} />,
    follow: (c, user, done) => <Follow c={c} user={user} done={done} />,
    confirmDelete: (c, token, done) => <Confirm w={w} s={s} c={c} token={token} done={done} />,
    notify: (control) => notifyChoices(s, control),
  };
}
