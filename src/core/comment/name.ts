/**
 * Display names as readers see them. A name is shown beside words the reader did not write, so it must not be able
 * to reorder the text around it or pretend to be empty:
 * - NFC, so one name has one form;
 * - control characters (C0, DEL, C1) removed, white space runs collapsed to one space;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) removed everywhere: a name like
 *   "\u202Etxet" would otherwise display reversed and spill its direction onto what follows;
 * - invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen, LRM/RLM/ALM) trimmed from both
 *   ends (inside a name, joiners are needed by some scripts and emoji sequences);
 * - a name with no visible character (letters, digits, punctuation or symbols) is no name.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE = '\\s\\u200B-\\u200F\\u2060\\uFEFF\\u00AD\\u061C\\u180E';
const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'g');
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The cleaned name, or '' when nothing visible is left. */
export function cleanName(raw: string): string {
  const name = raw.normalize('NFC').replace(CONTROLS, ' ').replace(BIDI_FORMATTING, '').replace(/\s+/g, ' ').replace(EDGES, '');
  return VISIBLE.test(name) ? name : '';
}
