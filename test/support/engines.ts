import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A written reason when this engine cannot run here, else false. */
  skipReason: string | false;
  create(): Promise<TestDatabase>;
}

const adminUrl = process.env.PG_ADMIN_URL;

/** SQLite in a temp file, always. */
export const sqliteEngine: Engine = {
  name: 'sqlite',
  skipReason: false,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    return { url: join(dir, 'parley.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/**
 * A fresh PostgreSQL database per call, on the throwaway cluster `npm test` starts (PG_ADMIN_URL).
 * Skipped, with that reason, when a developer runs a test file alone without the cluster.
 */
export const postgresEngine: Engine = {
  name: 'postgres',
  skipReason: adminUrl ? false : 'PG_ADMIN_URL not set: run through `npm test`, which starts a throwaway PostgreSQL',
  async create() {
    if (!adminUrl) throw new Error('PG_ADMIN_URL not set');
    const name = `parley_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  },
};

export const ENGINES: Engine[] = [sqliteEngine, postgresEngine];
