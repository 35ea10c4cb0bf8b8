import { useEffect, useState } from 'preact/hooks';
import type { Widget } from '../app/widget.js';

/**
 * What the comment will look like: the server's own rendering (`POST /api/v1/preview`, sanitised there), injected
 * as it is; "Loading…" meanwhile, the refusal's message (e.g. too long) if the server refuses.
 */
export function Preview({ w, body, mentions }: { w: Widget; body: string; mentions?: string[] | undefined }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    w.api.call<{ html: string }>('POST', 'preview', { site: w.cfg.site, body, mentions }).then(
      (r) => live && setHtml(r.html),
      (err) => w.fail(err).then((text) => live && setError(text)),
    );
    return () => {
      live = false;
    };
  }, [body]);
  return (
    <div class="preview" aria-busy={html === null && !error}>
      {error ? (
        <p class="err" role="alert">
          {error}
        </p>
      ) : html === null ? (
        <p class="hint">{w.t.loading}</p>
      ) : (
        <div class="body" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </div>
  );
}
