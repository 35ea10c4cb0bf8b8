import type { ComponentChild, TargetedEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PostCommentBody } from '../../api/schemas.js';
import type { PostReply, PublicComment } from './api.js';
import { isApiError } from './api.js';
import { errorId, Field } from './Field.js';
import type { OwnComment } from './local-store.js';
import { saveAuthor, savedAuthor, saveOwnComment } from './local-store.js';
import { errorText, fmt } from './messages.js';
import { Preview } from './Preview.js';
import type { Widget } from './widget.js';

type FieldName = 'body' | 'name' | 'email' | 'url' | 'notify';

/** Which field an API error code belongs to; other codes are shown for the whole form. */
const FIELD_OF: Partial<Record<string, FieldName>> = {
  BODY_EMPTY: 'body',
  BODY_TOO_LONG: 'body',
  PAYLOAD_TOO_LARGE: 'body',
  NAME_REQUIRED: 'name',
  NAME_TOO_LONG: 'name',
  EMAIL_INVALID: 'email',
  AUTHOR_URL_INVALID: 'url',
};

interface CommentFormProps {
  w: Widget;
  /** The comment answered, for a reply. */
  parent?: PublicComment;
  /** One's own comment, to edit it in place (only the text is shown then). */
  edit?: { comment: PublicComment; own: OwnComment };
  /** The passage of the article a new comment is about (the form is then passages.js's). */
  passage?: PostCommentBody['passage'];
  /** Called after a successful post (with the answer) or edit (reply and edit forms close then). */
  onDone?: (posted?: PostReply) => void;
  onCancel?: () => void;
}

let forms = 0;

/**
 * The comment form: Markdown text with a preview toggle and, for new comments, the guest's name,
 * optional email and website (remembered for next time). Also edits one's own comment.
 */
export function CommentForm({ w, parent, edit, passage, onDone, onCancel }: CommentFormProps) {
  const { cfg, api, t, user } = w;
  const [id] = useState(() => `parley-form-${++forms}`);
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => ({
    name: '',
    email: '',
    url: '',
    notify: '',
    ...savedAuthor(),
    body: edit ? edit.own.body : '',
  }));
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The field in error ('' for the whole form) and the message. */
  const [error, setError] = useState<[FieldName | '', string] | null>(null);

  const focus = (field: FieldName) => (form.current?.elements.namedItem(field) as HTMLElement | null)?.focus();
  // Reply, edit and passage forms open with the caret in the text box (before the next keystroke arrives).
  useLayoutEffect(() => {
    if (parent || edit || passage) focus('body');
  }, []);

  const fail = (code: string) => {
    const field = FIELD_OF[code] || '';
    const text = errorText(t, code);
    setError([field, text]);
    w.announce(text);
    if (field) {
      setPreview(false);
      setTimeout(() => focus(field));
    }
  };

  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = values.body.trim();
    const name = values.name.trim();
    const email = values.email.trim();
    const url = values.url.trim();
    const notify = (user || email) && values.notify;
    if (busy) return;
    if (!body) return fail('BODY_EMPTY');
    if (!edit && !user && !name) return fail('NAME_REQUIRED');
    setBusy(true);
    let res: PostReply | undefined;
    try {
      if (edit) {
        const { comment } = await api.edit(edit.comment.id, body, edit.own.token);
        saveOwnComment(comment.id, { ...edit.own, body });
        w.changed(comment);
        w.announce(t.updated);
      } else {
        res = await api.post({
          site: cfg.site,
          url: cfg.url,
          title: cfg.title,
          parentId: parent?.id,
          body,
          // Signed in: the account is the author (the server ignores guest fields then).
          author: user ? undefined : { name, email: email || undefined, url: url || undefined },
          passage,
          notify: notify ? [notify as 'page'] : undefined,
        }, notify && !api.session() ? (await api.csrf(cfg.site)).token : undefined);
        if (!user) saveAuthor({ name, email, url });
        saveOwnComment(res.comment.id, { token: res.editToken, editableUntil: Date.parse(res.editableUntil), body });
        setValues({ ...values, body: '' });
        w.posted(res.comment);
        if (notify) w.announce(res.subscription === 'active' ? t.subscribed : t.checkInbox);
      }
      setPreview(false);
      setError(null);
      onDone?.(res);
    } catch (err) {
      fail(isApiError(err) ? err.code : 'INTERNAL');
    }
    setBusy(false);
  };

  const errorOf = (field: FieldName) => (error?.[0] === field ? error[1] : undefined);
  const control = (field: FieldName) => ({
    id: `${id}-${field}`,
    name: field,
    value: values[field],
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues({ ...values, [field]: e.currentTarget.value }),
    'aria-invalid': !!errorOf(field) || undefined,
    'aria-describedby': errorOf(field) && errorId(`${id}-${field}`),
  });
  const field = (name: FieldName, label: string, control: ComponentChild) => (
    <Field id={`${id}-${name}`} label={label} error={errorOf(name)}>
      {control}
    </Field>
  );

  return (
    <form
      ref={form}
      class="form"
      noValidate
      onSubmit={submit}
      aria-label={edit ? t.edit : parent ? fmt(t.replyTo, { name: parent.author.name }) : t.post}
    >
      {preview ? (
        <Preview text={values.body} note={t.previewNote} />
      ) : (
        field(
          'body',
          t.body,
          <textarea
            {...control('body')}
            rows={4}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.current?.requestSubmit();
            }}
          />,
        )
      )}
      {!edit && (
        <div class="who">
          {!user && field('name', t.name, <input {...control('name')} autoComplete="name" required />)}
          {!user && field('email', t.email, <input {...control('email')} type="email" autoComplete="email" />)}
          {!user && field('url', t.website, <input {...control('url')} type="url" autoComplete="url" />)}
          {(user || values.email.trim()) && field('notify', t.notify, (
            <select {...control('notify')}>
              <option value="">{t.notifyNone}</option>
              <option value="page">{t.notifyPage}</option>
              <option value="replies">{t.notifyReplies}</option>
            </select>
          ))}
        </div>
      )}
      {error && !error[0] && <p class="err">{error[1]}</p>}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          {busy ? t.posting : edit ? t.save : parent ? t.postReply : t.post}
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {t.preview}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
