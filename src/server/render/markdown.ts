import MarkdownIt from 'markdown-it';
import { mentionPlugin, type Mention, type MentionEnv } from './mentions.js';

export type { Mention };

/**
 * Options of one rendering. `mentions`: comments of the same thread whose author's `@Name` in the text becomes a
 * link to that comment (POST /api/v1/comments `mentions`, and the preview passes them the same way);
 * `linked` is filled with the ids that were linked.
 */
export interface RenderOptions {
  mentions?: readonly Mention[] | undefined;
  linked?: Set<string> | undefined;
}

export type RenderMarkdown = (markdown: string, options?: RenderOptions) => string;

const SAFE_LINK = /^(https?:|mailto:)/i;
const LINK_REL = 'nofollow ugc noopener';

/**
 * Renders a comment's Markdown to HTML once, at write time. Raw HTML is shown as text; only http(s) and
 * mailto links survive; images become plain links so no third-party image is ever loaded by a reader.
 */
export function createMarkdownRenderer(): RenderMarkdown {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.disable(['heading', 'lheading']);
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet('rel', LINK_REL);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token.content || src);
    if (!SAFE_LINK.test(src)) return alt;
    return `<a href="${md.utils.escapeHtml(src)}" rel="${LINK_REL}">${alt}</a>`;
  };
  md.use(mentionPlugin);
  return (markdown, options = {}) => {
    const env: MentionEnv = { mentions: options.mentions, ...(options.linked ? { linked: options.linked } : {}) };
    return md.render(markdown, env);
  };
}
