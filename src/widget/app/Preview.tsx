/**
 * A light preview of what the reader wrote: paragraphs and line breaks only, as plain text (so nothing
 * is ever interpreted as HTML). The server renders the real Markdown when the comment is posted.
 */
export function Preview({ text, note }: { text: string; note: string }) {
  return (
    <div class="preview">
      <p class="hint">{note}</p>
      <div class="body">
        {text
          .trim()
          .split(/\n\s*\n/)
          .map((p) => (
            <p>{p.split('\n').map((line, i) => (i ? [<br />, line] : line))}</p>
          ))}
      </div>
    </div>
  );
}
