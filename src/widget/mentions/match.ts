/** @mentions, the pure part: what the reader is typing after `@`, whom that may name, and whom a text still names. */
import type { PublicComment } from '../app/api.js';

/** A name offered after `@`, with the comment a mention of it points to (that author's newest in the thread). */
export interface Person {
  id: string;
  name: string;
}

/** At most this many names are offered. */
const MAX = 8;
/** Characters that may stand right before the `@` of a mention (so that `ada@example.org` is none). */
const BEFORE = /[\s([{"'„“‚‘«»>]/;
/** A character that continues a name: `@Ada` does not name Adam. */
const WORD = /[\p{L}\p{N}_]/u;

/** The mention being typed before the caret: where its `@` is and what follows it; null when the caret is not in one. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || (start > 0 && !BEFORE.test(before[start - 1]!))) return null;
  const query = before.slice(start + 1);
  return query.length > 40 || /[\n@]/.test(query) ? null : { start, query };
}

/**
 * The thread's authors whose name matches `query` (it starts the name or one of its words; any case), newest comment
 * first, each name once, without deleted comments.
 */
export function people(list: readonly PublicComment[], query: string): Person[] {
  const q = query.toLowerCase();
  const seen = new Set<string>();
  const found: Person[] = [];
  for (const c of [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))) {
    const name = c.author.name;
    const lower = name.toLowerCase();
    if (c.status === 'deleted' || seen.has(name) || !(lower.startsWith(q) || lower.includes(` ${q}`))) continue;
    seen.add(name);
    found.push({ id: c.id, name });
    if (found.length === MAX) break;
  }
  return found;
}

/** The text with `@Name ` in place of the mention typed from `start` to `caret`, and the caret after it. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** Whether `text` still has `@name`, not followed by more of a word. */
export function names(text: string, name: string): boolean {
  const tag = `@${name}`;
  for (let i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + 1)) if (!WORD.test(text[i + tag.length] ?? '')) return true;
  return false;
}

/** The comment ids to send as `mentions` (at most 10, the API's limit): those chosen whose `@Name` is still in `text`. */
export const mentionedIds = (text: string, chosen: ReadonlyMap<string, string>): string[] =>
  [...chosen].filter(([name]) => names(text, name)).map(([, id]) => id).slice(0, 10);
