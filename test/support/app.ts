import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { compose, type Parley } from '../../src/server/compose.js';
import { configWith } from '../../src/server/config/config.js';
import type { OptionKey } from '../../src/server/config/options.js';
import { buildApp } from '../../src/server/http/app.js';
import { packageRoot } from '../../src/server/package-root.js';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { sqliteEngine, type Engine, type TestDatabase } from './engines.js';

export const SITE = 'news';
export const ORIGIN = 'https://news.example.org';
export const PAGE = 'https://news.example.org/columns/first';

export interface TestApp {
  app: FastifyInstance;
  parley: Parley;
  /** A clock tests can move: `clock.now += 60_000`. */
  clock: { now: number };
  close(): Promise<void>;
}

export interface TestAppOptions {
  engine?: Engine;
  config?: Partial<Record<OptionKey, string>>;
  /** Register the demo publication and its site too. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
}

/**
 * A Parley app on a fresh database (SQLite by default), with site "news" allowing https://news.example.org,
 * a controllable clock, rate limits off unless asked for, and logging off.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db: TestDatabase = await (options.engine ?? sqliteEngine).create();
  const clock = { now: Date.UTC(2026, 10, 26, 9, 0, 0) };
  const config = configWith({ databaseUrl: db.url, rateLimit: 'off', logLevel: 'silent', demo: 'off', ...options.config });
  const parley = await compose(config, { now: () => clock.now });
  await addSite(parley.deps, { id: SITE, name: 'News', origins: [ORIGIN] });
  const app = await buildApp(parley, {
    widgetDir: join(packageRoot(), 'dist', 'widget'),
    logger: false,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  await app.ready();
  return {
    app,
    parley,
    clock,
    async close() {
      await app.close();
      await parley.close();
      await db.drop();
    },
  };
}

export interface PostOptions {
  body?: string;
  name?: string;
  parentId?: string;
  url?: string;
  email?: string;
}

/** Posts a comment through the API and returns the parsed 201 answer (throws on any other status). */
export async function post(app: FastifyInstance, o: PostOptions = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/comments',
    headers: { origin: ORIGIN },
    payload: {
      site: SITE,
      url: o.url ?? PAGE,
      body: o.body ?? 'A thoughtful comment.',
      author: { name: o.name ?? 'Ada', ...(o.email ? { email: o.email } : {}) },
      ...(o.parentId ? { parentId: o.parentId } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json() as { comment: { id: string; parentId: string | null; html: string; createdAt: string }; editToken: string; editableUntil: string };
}
