import { canonicalUrl } from '../../core/url/canonical-url.js';
import { validateBody } from '../../core/comment/comment.js';
import { unwrap } from '../../core/errors.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';
import { mentionableOnPage } from './mentions.js';

export interface PreviewInput {
  site: string;
  body: string;
  /** The page, to find the comments `mentions` names; without it mentions are ignored. */
  url?: string | undefined;
  mentions?: string[] | undefined;
  origin: string | undefined;
}

/**
 * A comment's text rendered as POST /api/v1/comments would store it: the same cleaning and length check, the same
 * renderer, the same @mentions. Reads only; an empty text previews as "".
 */
export async function previewComment(deps: Pick<Deps, 'db' | 'sites' | 'renderMarkdown' | 'limits'>, input: PreviewInput): Promise<{ html: string }> {
  const site = await loadSite(deps, input.site, input.origin);
  const checked = validateBody(input.body, deps.limits);
  if (!checked.ok && checked.error.code === 'BODY_EMPTY') return { html: '' };
  const body = unwrap(checked);
  const mentions = input.url && input.mentions?.length ? await mentionableOnPage(deps.db, site.id, unwrap(canonicalUrl(input.url)), input.mentions) : [];
  return { html: deps.renderMarkdown(body, { mentions }) };
}
