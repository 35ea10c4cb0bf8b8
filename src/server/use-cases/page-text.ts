import { DomainError, unwrap } from '../../core/errors.js';
import { textHash } from '../../core/anchoring/index.js';
import { quoteHoldsIn, reanchorPassage, type PassageStatus } from '../../core/passage/passage.js';
import { checkPageUrl } from '../../core/site/origin.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { secretMatches } from '../security/tokens.js';
import { listPassageComments, savePassage } from '../storage/repos/comment-repo.js';
import { countHints, currentTextHash, getPageText, savePageText, setCurrentTextHash } from '../storage/repos/page-text-repo.js';
import { getSiteKeyHash } from '../storage/repos/site-repo.js';
import { findThread, getOrCreateThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

export const MAX_TEXT_LENGTH = 1_000_000;
/** A widget's hint is an article as the browser shows it: longer than any plausible article is refused. */
export const MAX_HINT_LENGTH = 200_000;
/** Hints kept per page: the texts passage comments were made on between two publisher revisions are few. */
export const MAX_HINTS_PER_PAGE = 3;

/** A publisher call: the site's key (`parley site key`) must match. The CLI runs locally and needs none. */
export async function authorizePublisher(deps: Pick<Deps, 'db'>, siteId: string, key: string | undefined): Promise<void> {
  const hash = await getSiteKeyHash(deps.db, siteId);
  if (!key || !secretMatches(key, hash)) throw new DomainError('SITE_KEY_INVALID', 'This call needs the site key (see parley site key).');
}

export interface PageTextInput {
  site: string;
  url: string;
  text: string;
}

export type ReanchorSummary = Record<Exclude<PassageStatus, 'unchecked'>, number>;

function checkText(text: string): string {
  // An empty text (an empty pipe, a failed export) would orphan every passage comment of the page.
  if (text.trim().length === 0) throw new DomainError('VALIDATION_FAILED', 'The article text is empty.');
  if (text.length > MAX_TEXT_LENGTH) throw new DomainError('TEXT_TOO_LONG', `An article text is at most ${MAX_TEXT_LENGTH} characters.`);
  return text;
}

/**
 * PUT /api/v1/pages/text and `parley page update`: the publisher's new article text. It becomes the page's
 * current revision, and every passage comment of the page is re-anchored through the diff, once, in one
 * transaction.
 */
export async function updatePageText(deps: Deps, input: PageTextInput): Promise<{ textHash: string; changed: boolean; passages: ReanchorSummary }> {
  const site = await loadSite(deps, input.site, undefined);
  const url = unwrap(canonicalUrl(input.url));
  unwrap(checkPageUrl(site.origins, url));
  const text = checkText(input.text);
  const hash = textHash(text);
  const now = deps.now();
  const result = await deps.transact(async (trx) => {
    const thread = await getOrCreateThread(trx, { id: deps.newId(), siteId: site.id, url, title: null, now });
    const previousHash = await currentTextHash(trx, thread.id);
    const summary: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    await savePageText(trx, { threadId: thread.id, textHash: hash, source: 'publisher', text, now });
    const changed = previousHash !== hash;
    const previousText = previousHash ? (await getPageText(trx, thread.id, previousHash))?.text : undefined;
    const originals = new Map<string, string | undefined>();
    for (const comment of await listPassageComments(trx, thread.id)) {
      const passage = comment.passage!;
      if (!originals.has(passage.textHash)) originals.set(passage.textHash, (await getPageText(trx, thread.id, passage.textHash))?.text);
      const next = changed || passage.status === 'unchecked'
        ? reanchorPassage(passage, { text, originalText: originals.get(passage.textHash), previousText: passage.current ? previousText : undefined })
        : passage;
      if (next !== passage) await savePassage(trx, comment.id, next);
      if (next.status !== 'unchecked') summary[next.status]++;
    }
    if (changed) await setCurrentTextHash(trx, thread.id, hash);
    return { threadId: thread.id, changed, summary };
  });
  deps.onThreadChange({ siteId: site.id, url, threadId: result.threadId, kind: 'comment.updated', commentId: '' });
  return { textHash: hash, changed: result.changed, passages: result.summary };
}

/**
 * POST /api/v1/pages/hint: a widget reports the article text a passage comment was made on. Kept only as an
 * unverified hint (never a revision, never re-anchors anything): it lets a later publisher revision be mapped
 * through a diff. Nobody authenticates it, so it must not be a way to fill the disk: at most MAX_HINT_LENGTH
 * characters (TEXT_TOO_LONG), stored only when a passage comment of the page names its hash *and* its quote stands
 * at its position in the text, at most MAX_HINTS_PER_PAGE per page, and rate-limited per client by the route.
 */
export async function hintPageText(deps: Deps, input: PageTextInput & { origin: string | undefined }): Promise<{ stored: boolean }> {
  const site = await loadSite(deps, input.site, input.origin);
  const url = unwrap(canonicalUrl(input.url));
  if (input.text.length > MAX_HINT_LENGTH) throw new DomainError('TEXT_TOO_LONG', `A hint is at most ${MAX_HINT_LENGTH} characters.`);
  const text = checkText(input.text);
  const hash = textHash(text);
  return deps.transact(async (trx) => {
    const thread = await findThread(trx, site.id, url);
    if (!thread) return { stored: false };
    const madeOnIt = (await listPassageComments(trx, thread.id)).some((c) => c.passage?.textHash === hash && quoteHoldsIn(c.passage, text));
    if (!madeOnIt || (await getPageText(trx, thread.id, hash))) return { stored: false };
    if ((await countHints(trx, thread.id)) >= MAX_HINTS_PER_PAGE) return { stored: false };
    await savePageText(trx, { threadId: thread.id, textHash: hash, source: 'hint', text, now: deps.now() });
    return { stored: true };
  });
}
