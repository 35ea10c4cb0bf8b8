import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A 12-character random id (60 bits), for comments and threads. */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

/** An unguessable secret for a guest to prove authorship (192 bits, base64url). */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Secrets and voter keys are stored only as hashes. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function secretMatches(secret: string, hash: string | null): boolean {
  if (!hash) return false;
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
