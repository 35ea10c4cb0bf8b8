import type { Kysely } from 'kysely';
import type { CommentLimits } from '../../core/comment/comment.js';
import type { Database } from '../storage/database.js';
import type { Site } from '../storage/repos/site-repo.js';
import type { Transact } from '../storage/transactor.js';
import type { Mailer } from '../mail/mailer.js';
import type { TokenSigner } from '../security/signed-token.js';
import type { AuthorKeyer } from '../security/author-key.js';
import type { RenderMarkdown } from '../render/markdown.js';

/** Something that happened to a page's thread; caches and (later) live streams listen. */
export interface ThreadChange {
  siteId: string;
  url: string;
  threadId: string;
  kind: 'comment.created' | 'comment.updated' | 'comment.deleted' | 'comment.voted';
  commentId: string;
}

/** What every use case may use. Built once, in compose.ts. */
export interface Deps {
  db: Kysely<Database>;
  /** Every write goes through here: one transaction, answered after commit. */
  transact: Transact;
  now: () => number;
  newId: () => string;
  newSecret: () => string;
  /** Markdown to HTML; `{ mentions }` links `@Name` of those comments (render/markdown.ts). */
  renderMarkdown: RenderMarkdown;
  /** The author key of PublicComment.author.key (security/author-key.ts). */
  authorKey: AuthorKeyer;
  /** A keyed, non-reversible hash of a client IP (votes per network): never the IP itself. */
  networkHash(ip: string): string;
  limits: CommentLimits;
  editWindowMs: number;
  sites: { get(id: string): Promise<Site | undefined> };
  onThreadChange: (change: ThreadChange) => void;
  /** Mail notifications: the SMTP sender, the signer of links and CSRF tokens, and where readers reach Parley. */
  /** `mailsPerDomainHour`: mails sent on request (confirmations, sign-in links) to one recipient domain per hour. */
  notify: { mailer: Mailer; tokens: TokenSigner; publicUrl: string; mailsPerDomainHour?: number };
}
