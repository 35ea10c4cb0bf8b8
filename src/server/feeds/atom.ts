/** An Atom feed (RFC 4287), as plain data. Times are milliseconds since the epoch. */
export interface AtomFeed {
  id: string;
  title: string;
  updated: number;
  selfUrl: string;
  alternateUrl: string | null;
  entries: AtomEntry[];
}

export interface AtomEntry {
  id: string;
  title: string;
  authorName: string;
  published: number;
  updated: number;
  link: string;
  /** HTML, sent as escaped text (`type="html"`). */
  html: string;
}

// Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute content, escaped for XML. */
export const xml = (text: string): string => text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const time = (ms: number) => new Date(ms).toISOString();

/** The feed's XML document. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((e) => [
    '  <entry>',
    `    <id>${xml(e.id)}</id>`,
    `    <title type="text">${xml(e.title)}</title>`,
    `    <author><name>${xml(e.authorName)}</name></author>`,
    `    <published>${time(e.published)}</published>`,
    `    <updated>${time(e.updated)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
    `    <content type="html">${xml(e.html)}</content>`,
    '  </entry>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(feed.id)}</id>`,
    `  <title type="text">${xml(feed.title)}</title>`,
    `  <updated>${time(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    ...(feed.alternateUrl ? [`  <link rel="alternate" type="text/html" href="${xml(feed.alternateUrl)}"/>`] : []),
    '  <generator>Parley</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
