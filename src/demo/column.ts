/** One block of a column's body. Text is plain (never HTML); the renderers escape it. */
export type ColumnBlock =
  | { type: 'p'; text: string }
  | { type: 'h2'; text: string }
  /** A long quotation of a speech or an interview, attributed to its (fictional) speaker. */
  | { type: 'quote'; paragraphs: readonly string[]; cite: string };

export interface ColumnAuthor {
  /** The name shown in the byline. */
  name: string;
  /** One or two sentences shown at the foot of the column. */
  bio: string;
}

/** An opinion column of the demo publication. */
export interface DemoColumn {
  /** URL segment: the column lives at `/columns/<slug>`. */
  slug: string;
  title: string;
  /** The standfirst shown under the title and on the index. */
  dek: string;
  author: ColumnAuthor;
  category: string;
  tags: readonly string[];
  /** ISO 8601 date, `YYYY-MM-DD`. */
  publishedAt: string;
  body: readonly ColumnBlock[];
}
