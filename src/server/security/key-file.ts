import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The server key: a random secret kept in a file outside the database (SECRET_KEY_FILE, default ./data/secret.key,
 * mode 0600), created on first start. Tokens are signed with a key derived from it *and* the secret stored in the
 * database, so neither a database dump nor the file alone can forge a token. Several processes (PostgreSQL) must
 * share the same file. Replacing it rotates every signing key (see README, "Security").
 */
export function loadOrCreateKeyFile(path: string): string {
  try {
    return readKey(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true });
  // Written aside, then linked into place: concurrent first starts agree on one key, and nobody reads half a file.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  chmodSync(path, 0o600);
  return readKey(path);
}

function readKey(path: string): string {
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < 32) throw new Error(`${path}: the server key must be at least 32 characters (delete the file to make a new one)`);
  return key;
}
