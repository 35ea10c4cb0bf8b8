import type { PostCommentBody } from '../../api/schemas.js';
import type { PostReply, PublicComment } from '../app/api.js';
import type { Widget } from '../app/widget.js';
import type { Draft, Target } from '../shared/compose.js';
import { saveAuthor, saveOwnComment } from '../shared/kit.js';
import { text } from './text.js';

/**
 * The field an API error code belongs to (BODY_…, PAYLOAD_TOO_LARGE: the text; NAME_…; EMAIL_…; AUTHOR_URL_…);
 * '' for the others, which are shown for the whole form.
 */
const fieldOf = (code: string): Draft['field'] | '' =>
  ({ BODY: 'body', PAYLOAD: 'body', NAME: 'name', EMAIL: 'email', AUTHOR_URL: 'url' } as const)[/^(BODY|PAYLOAD|NAME|EMAIL|AUTHOR_URL)_/.exec(code)?.[1] as 'BODY'] || '';

/**
 * Sends a comment form (app/CommentForm.tsx): posts a new comment or saves an edit, remembers the author (guests)
 * and the edit token, and tells the widget. The server checks the form (empty text, too long, no name: the codes
 * come back like any other). Answers the API's answer (undefined after an edit); throws `{ code, field }`.
 */
export async function send(w: Widget, d: Draft, { parent, edit, passage }: Target): Promise<PostReply | undefined> {
  const { cfg, api, t, user, config } = w;
  const body = d.body.trim();
  const name = d.name.trim();
  const email = d.email.trim();
  const url = d.url.trim();
  const notify = config?.mail && (user || email) && d.notify;
  try {
    if (edit) {
      const { comment } = await api.call<{ comment: PublicComment }>('PATCH', `comments/${encodeURIComponent(edit.comment.id)}`, { body }, { Authorization: `Bearer ${edit.own.token}` });
      saveOwnComment(comment.id, { ...edit.own, body });
      w.changed(comment);
      w.announce(text(w).updated);
      return;
    }
    const csrf = notify && !api.session() && (await api.csrf(cfg.site)).token;
    const sso = api.sso();
    const res = await api.call<PostReply>('POST', 'comments', {
      site: cfg.site,
      url: cfg.url,
      title: cfg.title,
      parentId: parent?.id,
      body,
      // Signed in: the account is the author (the server ignores guest fields then).
      author: user ? undefined : { name, email: email || undefined, url: url || undefined },
      passage,
      mentions: w.mentioned?.(body),
      notify: notify ? [notify] : undefined,
    } satisfies PostCommentBody, { ...(csrf && { 'X-Parley-CSRF': csrf }), ...(sso && { Authorization: `ParleySSO ${sso}` }) });
    if (!user) saveAuthor({ name, email, url });
    saveOwnComment(res.comment.id, { token: res.editToken, editableUntil: Date.parse(res.editableUntil), body });
    w.posted(res.comment);
    if (notify) w.announce(res.subscription === 'refused' ? w.t.errors.RATE_LIMITED : res.subscription === 'active' ? t.subscribed : t.checkInbox, res.comment.id);
    return res;
  } catch (err) {
    throw { ...(err as object), field: fieldOf((err as { code: string }).code) };
  }
}
