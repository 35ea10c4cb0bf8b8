import type { Generated } from 'kysely';

/** Row shapes of Parley's tables, as Kysely sees them. Domain types live in core; mapping is in the repos. */
export interface SiteTable {
  id: string;
  name: string;
  /** JSON array of allowed origins, e.g. ["https://news.example.org"]. */
  origins: string;
  created_at: number;
  key_hash: string | null;
  /** HS256 secret for publisher SSO. */
  sso_secret: string | null;
  /** JSON array of the reactions the site offers, in order; [] = off. */
  reactions: Generated<string>;
}

export interface ThreadTable {
  id: string;
  site_id: string;
  url: string;
  title: string | null;
  comment_count: number;
  created_at: number;
  updated_at: number;
  /** Hash of the latest article text the publisher gave. */
  text_hash: string | null;
  /** JSON array of the column's authors (SSO subs or account ids), set by the publisher. */
  author_ids?: string | null;
}

export interface CommentTable {
  id: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  author_ip: string | null;
  body_md: string;
  body_html: string;
  status: string;
  created_at: number;
  edited_at: number | null;
  upvotes: number;
  downvotes: number;
  score: number;
  reply_count: number;
  edit_token_hash: string | null;
  /** JSON of core's Passage, for comments on a passage of the article. */
  passage: string | null;
  /** The passage's start in the latest publisher text (orphans: null), for article order. */
  passage_order: number | null;
  /** The signed-in account that wrote it (or claimed it with its edit token). */
  account_id: string | null;
  /** author | staff, as it was when posted. */
  author_badge: string | null;
  /** 1 when the author's identity was verified (account or publisher SSO). */
  author_verified: number;
  /** Reaction counts (one column per key of core's REACTIONS). */
  reaction_like: Generated<number>;
  reaction_love: Generated<number>;
  reaction_laugh: Generated<number>;
  reaction_wow: Generated<number>;
  reaction_sad: Generated<number>;
  reaction_angry: Generated<number>;
  /** JSON array of the comment ids its @mentions link. */
  mentions: string | null;
  /** 8 hex characters from an HMAC of the author's identity on the site (security/author-key.ts). */
  author_key: string | null;
  /** The author's own https picture, as it was when posted. */
  author_avatar: string | null;
}

export interface ReactionTable {
  comment_id: string;
  voter_hash: string;
  reaction: string;
  created_at: number;
}

export interface PageTextTable {
  thread_id: string;
  text_hash: string;
  /** publisher: a revision the publisher sent; hint: text a widget reported (unverified). */
  source: string;
  text: string;
  created_at: number;
}

export interface VoteTable {
  comment_id: string;
  voter_hash: string;
  value: number;
  created_at: number;
  /** Keyed hash of the client IP (migration 0009); null for votes cast before. */
  network_hash: string | null;
}

/** Domain events and the jobs they fan out to; a worker claims due rows with an expiring lease. */
export interface OutboxTable {
  id: string;
  /** A domain event type (comment.created, …) or a job (webhook.deliver). */
  topic: string;
  /** JSON. */
  payload: string;
  created_at: number;
  available_at: number;
  attempts: number;
  claimed_by: string | null;
  claimed_until: number | null;
  done_at: number | null;
  /** Set when every attempt failed. */
  failed_at: number | null;
  last_error: string | null;
}

export interface WebhookTable {
  id: string;
  site_id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  secret: string;
  created_at: number;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  site_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  created_at: number;
}

export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: number;
}

/** An address someone asked to notify (normalised), with the state of its confirmation mails. */
export interface MailAddressTable {
  id: string;
  email: string;
  last_confirmation_at: number | null;
  confirmation_due_at: number | null;
  created_at: number;
}

export interface SubscriptionTable {
  id: string;
  site_id: string;
  address_id: string;
  email: string;
  kind: string;
  /** page: thread id; comment/passage: comment id; replies: ''. */
  target: string;
  url: string;
  mode: string;
  /** pending | active */
  status: string;
  confirm_slot: number | null;
  created_at: number;
  confirmed_at: number | null;
}

/** A comment waiting for an address's hourly or daily digest. */
export interface DigestItemTable {
  id: string;
  site_id: string;
  email: string;
  subscription_id: string;
  comment_id: string;
  mode: string;
  due_at: number;
  created_at: number;
  sent_at: number | null;
}

export interface AccountTable {
  id: string;
  email: string | null;
  external_id: string | null;
  name: string;
  url: string | null;
  badge: string | null;
  created_at: number;
  /** The user's own https picture (publisher SSO claim `picture`). */
  avatar: string | null;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

export interface MagicLinkTable {
  id: string;
  site_id: string;
  email: string;
  nonce_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  return_url: string | null;
}

export interface SiteStaffTable {
  site_id: string;
  account_id: string;
  created_at: number;
}

export interface BannedAddressTable {
  site_id: string;
  email: string;
  created_at: number;
}

/** Mails sent on request per mailbox / recipient domain in a window (migration 0008). */
export interface MailQuotaTable {
  key: string;
  window_start: number;
  count: number;
}

export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  magic_links: MagicLinkTable;
  banned_addresses: BannedAddressTable;
  site_staff: SiteStaffTable;
  sites: SiteTable;
  threads: ThreadTable;
  comments: CommentTable;
  votes: VoteTable;
  reactions: ReactionTable;
  page_texts: PageTextTable;
  outbox: OutboxTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  server_secrets: ServerSecretTable;
  mail_addresses: MailAddressTable;
  mail_quotas: MailQuotaTable;
  subscriptions: SubscriptionTable;
  digest_items: DigestItemTable;
}
