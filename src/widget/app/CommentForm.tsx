import type { ComponentChild, TargetedEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PostCommentBody } from '../../api/schemas.js';
import type { Draft } from '../shared/compose.js';
import type { PostReply, PublicComment } from './api.js';
import { errorId, Field } from './Field.js';
import type { OwnComment } from './local-store.js';
import { savedAuthor } from './local-store.js';
import { fmt } from './messages.js';
import type { Widget } from './widget.js';

type FieldName = NonNullable<Draft['field']>;

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
  const { t, user, config } = w;
  const max = config?.maxCommentLength;
  const [id] = useState(() => `parley-form-${++forms}`);
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Draft>(() => ({
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

  // Sent by compose.js, which the first touch of the form asked for (a form sent before it arrives waits for it).
  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const compose = await w.needCompose();
      if (!compose) throw { code: 'NETWORK' };
      const res = await compose.send(w, values, { parent, edit, passage });
      if (res) setValues({ ...values, body: '' });
      setPreview(false);
      setError(null);
      onDone?.(res);
    } catch (err) {
      // Shown in one place: inline, by its field (which takes focus and is described by it), else above the buttons.
      const field = (err as { field?: FieldName }).field || '';
      setError([field, await w.fail(err)]);
      if (field) {
        setPreview(false);
        setTimeout(() => focus(field));
      }
    }
    setBusy(false);
  };

  // `@` typed: mentions.js offers names (loaded once).
  if (/(^|\s)@/.test(values.body)) w.at();
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

  const box = { area: () => form.current?.elements.namedItem('body') as HTMLTextAreaElement | null, set: (body: string) => setValues((v) => ({ ...v, body })) };
  const length = values.body.trim().length;
  // "Notify of" (mail on, signed in or an address typed): its choices are account.js's.
  const notify = config?.mail && (user || values.email.trim()) && w.notify(control('notify'));
  return (
    <form
      ref={form}
      class="form"
      noValidate
      onSubmit={submit}
      // compose.js comes on the reader's first touch of the form: focus, or a pointer (Safari gives buttons no focus).
      onFocusIn={w.needCompose}
      onPointerDown={w.needCompose}
      // Ctrl/⌘+Enter from any field. A click on the submit button, not requestSubmit() (Safari before 16 has none).
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.current?.querySelector<HTMLElement>('[type=submit]')?.click();
        }
      }}
      aria-label={edit ? t.edit : parent ? fmt(t.replyTo, { name: parent.author.name }) : t.post}
    >
      {preview ? (
        w.compose ? w.compose.preview(w, values.body, w.mentioned?.(values.body)) : <p class="preview hint">{t.loading}</p>
      ) : (
        field(
          'body',
          t.body,
          <>
            {/* The toolbar's row is kept while compose.js loads, so the box does not move when it appears. */}
            <div class="tools">{w.compose?.tools(w, box)}</div>
            <textarea {...control('body')} rows={4} onKeyDown={(e) => w.compose?.key(e, box)} />
          </>,
        )
      )}
      {max && length >= max * 0.8 && w.compose?.counter(w, max - length)}
      {!edit && (
        <div class="who">
          {!user && field('name', t.name, <input {...control('name')} autoComplete="name" required />)}
          {!user && field('email', t.email, <input {...control('email')} type="email" autoComplete="email" />)}
          {!user && field('url', t.website, <input {...control('url')} type="url" autoComplete="url" />)}
          {notify && field('notify', t.notify, notify)}
        </div>
      )}
      {error && !error[0] && (
        <p class="err" role="alert">
          {error[1]}
        </p>
      )}
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
