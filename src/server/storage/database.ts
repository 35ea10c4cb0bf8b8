/** Row shapes of Parley's tables, as Kysely sees them. Domain types live in core; mapping is in the repos. */
export interface SiteTable {
  id: string;
  name: string;
  /** JSON array of allowed origins, e.g. ["https://news.example.org"]. */
  origins: string;
  created_at: number;
  key_hash: string | null;
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
}

export interface Database {
  sites: SiteTable;
  threads: ThreadTable;
  comments: CommentTable;
  votes: VoteTable;
  page_texts: PageTextTable;
}
