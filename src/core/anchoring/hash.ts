/**
 * A small, fast, non-cryptographic hash of a text, for telling revisions of an article apart (e.g. as the key
 * under which resolved anchors are cached). cyrb53 (public domain, by bryc): two 32-bit multiply-xorshift lanes
 * combined into 53 bits. Not for security: collisions can be constructed.
 */

/**
 * The cyrb53 hash of `text` (its UTF-16 code units, exactly as given — no normalisation, because a change of
 * white space or quote style still moves offsets), as 14 lowercase hex digits.
 */
export function textHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}
