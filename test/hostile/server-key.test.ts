import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTokenSigner } from '../../src/server/security/signed-token.js';
import { createTestApp, ORIGIN, SITE, type TestApp } from '../support/app.js';

/**
 * The HMAC secret used to be stored in plain text in the database: a database dump alone could forge CSRF tokens,
 * unsubscribe and manage links. Tokens are now signed with a key derived from the database's secret and a key file
 * outside it (SECRET_KEY_FILE, mode 0600).
 */
describe('tokens cannot be forged from a database dump alone', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-key-'));
    t = await createTestApp({ config: { secretKeyFile: join(dir, 'secret.key') } });
  });
  after(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the key file is created, private to its owner', () => {
    const file = join(dir, 'secret.key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(readFileSync(file, 'utf8').trim().length >= 32);
  });

  test('a CSRF token signed with the stored secret alone is refused; one from the server works', async () => {
    const row = await t.parley.storage.db.selectFrom('server_secrets').selectAll().execute();
    const stored = row.map((r) => (r as unknown as { value: string }).value);
    assert.ok(stored.length > 0, 'the database holds secrets (as a dump would)');
    const now = t.clock.now;
    const forgedTokens = stored.map((secret) => createTokenSigner(secret).sign(['csrf', SITE, '127.0.0.1', String(now)]));
    const subscribe = (token: string) => t.app.inject({
      method: 'POST', url: '/api/v1/subscriptions', headers: { origin: ORIGIN, 'x-parley-csrf': token },
      payload: { site: SITE, url: `${ORIGIN}/a`, email: 'a@example.org', kind: 'page' },
    });
    for (const forged of forgedTokens) assert.equal((await subscribe(forged)).json().error?.code, 'CSRF_INVALID');
    const real = (await t.app.inject({ url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN } })).json().token as string;
    assert.notEqual((await subscribe(real)).json().error?.code, 'CSRF_INVALID');
  });
});
