import type { Env, MarkdownIt, StateCore, Token } from 'markdown-it';

/** A comment an @mention may link: its id and its author's name as shown. */
export interface Mention {
  id: string;
  name: string;
}

/** What the renderer carries through markdown-it's `env` while rendering one text. */
export interface MentionEnv extends Env {
  mentions?: readonly Mention[] | undefined;
  /** Filled with the ids of the mentions that were linked. */
  linked?: Set<string>;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * `@Name` of a mentioned comment's author, in plain text only (never in code spans or blocks, never inside a link),
 * becomes `<a class="mention" href="#parley-comment-<id>" data-comment="<id>">@Name</a>`: a markdown-it core rule
 * over text tokens, rendered by its own token renderer (escaped like all text).
 */
export function mentionPlugin(md: MarkdownIt): void {
  md.core.ruler.push('mention', (state: StateCore) => {
    const env = state.env as MentionEnv;
    const mentions = [...(env.mentions ?? [])].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
    if (!mentions.length) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let inLink = 0;
      const out: Token[] = [];
      for (const token of block.children) {
        if (token.type === 'link_open') inLink++;
        if (token.type === 'link_close') inLink--;
        if (token.type !== 'text' || inLink > 0) out.push(token);
        else out.push(...splitMentions(state, token.content, mentions, env));
      }
      block.children = out;
    }
  });
  md.renderer.rules.mention = (tokens, idx) => {
    const { id, name } = tokens[idx]!.meta as unknown as Mention;
    const e = md.utils.escapeHtml;
    return `<a class="mention" href="#parley-comment-${e(id)}" data-comment="${e(id)}">@${e(name)}</a>`;
  };
}

function splitMentions(state: StateCore, text: string, mentions: readonly Mention[], env: MentionEnv): Token[] {
  const out: Token[] = [];
  const pushText = (content: string) => {
    if (!content) return;
    const t = new state.Token('text', '', 0);
    t.content = content;
    out.push(t);
  };
  let start = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    const m = mentions.find((x) => text.startsWith(x.name, at + 1) && !WORD.test(text[at + 1 + x.name.length] ?? ''));
    if (!m) continue;
    pushText(text.slice(start, at));
    const link = new state.Token('mention', '', 0);
    link.meta = { id: m.id, name: m.name };
    out.push(link);
    env.linked?.add(m.id);
    start = at + 1 + m.name.length;
    at = start - 1;
  }
  pushText(text.slice(start));
  return out;
}
