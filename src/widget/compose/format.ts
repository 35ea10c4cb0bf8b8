/** The Markdown the toolbar writes around the selection (or at the caret) of a comment box. */
export type Format = 'bold' | 'italic' | 'link' | 'quote';

/**
 * Applies `format` to `text` between `start` and `end`: wraps the selection (`**…**`, `_…_`, `[…](https://)`) or
 * quotes its lines (`> `). Answers the new text and the new selection (the link's address is selected, to type over).
 */
export function applyFormat(text: string, start: number, end: number, format: Format): [string, number, number] {
  const sel = text.slice(start, end);
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (format === 'quote') {
    const lineStart = before.lastIndexOf('\n') + 1;
    const quoted = text.slice(lineStart, end).replace(/^/gm, '> ');
    const out = text.slice(0, lineStart) + quoted + after;
    return [out, lineStart, lineStart + quoted.length];
  }
  if (format === 'link') {
    const label = sel || 'link';
    const out = `${before}[${label}](https://)${after}`;
    const at = start + label.length + 3;
    return [out, at, at + 8];
  }
  const mark = format === 'bold' ? '**' : '_';
  return [before + mark + sel + mark + after, start + mark.length, end + mark.length];
}
