/**
 * What the widget keeps in the reader's browser (the host page's localStorage, keys `parley:*`).
 * Nothing is written until the reader acts: the voter key on the first vote, the rest on posting.
 * When storage is blocked, values live in memory for the page's lifetime.
 */
import type { VoteValue } from '../../core/vote/vote.js';

/** Proof of authorship for one comment (`parley:tokens`), kept until its edit window closes. */
export interface OwnComment {
  token: string;
  /** Epoch milliseconds. */
  editableUntil: number;
  /** The Markdown as written, to edit it again (the API only returns HTML). */
  body: string;
}

/** Name, email and website from the last comment posted (`parley:author`). */
export interface SavedAuthor {
  name: string;
  email: string;
  url: string;
}

const memory: Record<string, string> = {};

function read(key: string): string | undefined {
  try {
    return localStorage[`parley:${key}`];
  } catch {
    return memory[key];
  }
}

function write(key: string, value: string): void {
  memory[key] = value;
  try {
    localStorage[`parley:${key}`] = value;
  } catch {
    /* storage blocked or full: memory keeps it for this page */
  }
}

function readJson<T>(key: string): Partial<T> {
  try {
    return JSON.parse(read(key) || '{}');
  } catch {
    return {};
  }
}

/** The reader's random voter key (`parley:voter`, 24 base64url characters), created on first use. */
export function voterKey(): string {
  let key = read('voter');
  if (!key) {
    key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    write('voter', key);
  }
  return key;
}

/** The reader's own votes (`parley:votes`), so pressed buttons show. */
export const ownVote = (id: string): VoteValue => readJson<Record<string, VoteValue>>('votes')[id] || 0;

export function saveVote(id: string, value: VoteValue): void {
  const votes = readJson<Record<string, VoteValue>>('votes');
  votes[id] = value || undefined;
  write('votes', JSON.stringify(votes));
}

/** Whether this browser signed in before (`parley:account`, set by account.js): only then is /me asked on load. */
export const signedInBefore = (): boolean => !!read('account');

/** Every own comment this browser holds an edit token for (to claim them into an account). */
export const ownComments = (): Record<string, OwnComment> => readJson<Record<string, OwnComment>>('tokens') as Record<string, OwnComment>;

/** The reader's own comment while its edit window is open. */
export function ownComment(id: string): OwnComment | undefined {
  const own = readJson<Record<string, OwnComment>>('tokens')[id];
  return own && own.editableUntil > Date.now() ? own : undefined;
}

/** Records (or with null forgets) one's own comment; comments whose window closed are dropped. */
export function saveOwnComment(id: string, own: OwnComment | null): void {
  const all = readJson<Record<string, OwnComment>>('tokens');
  all[id] = own || undefined;
  for (const key in all) if (!(Number(all[key]?.editableUntil) > Date.now())) delete all[key];
  write('tokens', JSON.stringify(all));
}

export const savedAuthor = (): Partial<SavedAuthor> => readJson<SavedAuthor>('author');

export const saveAuthor = (author: SavedAuthor): void => write('author', JSON.stringify(author));
