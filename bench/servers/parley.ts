/**
 * Parley itself, started the way an operator would: `./bin/parley.js serve`, as `npm start` does (needs `npm run build`),
 * or, when dist/ is missing or --from-source is given, `node --import tsx src/server/cli/main.ts serve`
 * (one process either way, so its RSS is Parley's alone). SQLite database in a temp dir, RATE_LIMIT=off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postJson } from '../lib/http.js';
import { commentText } from '../lib/text.js';
import { freePort, log, makeTempDir, runCommand, startChild, stopChild, waitForHttp, type Child } from '../lib/procs.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_ID = 'bench';
export const SITE_ORIGIN = 'http://127.0.0.1';

export interface ParleyServer {
  baseUrl: string;
  child: Child;
  version: string;
  launcher: string;
  databasePath: string;
  stop(): Promise<void>;
}

/** The command that runs Parley's CLI: the built bin/parley.js, or the TypeScript sources through tsx. */
export function parleyCommand(fromSource: boolean): { cmd: string; args: string[]; launcher: string } {
  const built = existsSync(join(REPO_ROOT, 'dist', 'server', 'cli', 'main.js')) && existsSync(join(REPO_ROOT, 'bin', 'parley.js'));
  // Executed directly, as `npm start` and `npx parley` do, so its shebang's V8 flags apply.
  if (built && !fromSource) return { cmd: join(REPO_ROOT, 'bin', 'parley.js'), args: [], launcher: './bin/parley.js (npm start)' };
  const src = join(REPO_ROOT, 'src', 'server', 'cli', 'main.ts');
  if (!existsSync(src)) throw new Error('Parley: neither dist/server/cli/main.js (npm run build) nor src/server/cli/main.ts exists');
  return { cmd: process.execPath, args: ['--import', 'tsx', src], launcher: 'node --import tsx src/server/cli/main.ts' };
}

export function parleyVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Creates the database and the `bench` site with the CLI, then starts `serve`.
 * `extraEnv` (from --parley-env KEY=VALUE) is added to serve's environment, e.g. LOG_LEVEL=warn.
 */
export async function startParley(opts: { fromSource?: boolean; extraEnv?: Record<string, string> } = {}): Promise<ParleyServer> {
  const dir = makeTempDir('parley');
  const databasePath = join(dir, 'parley.db');
  const { cmd, args, launcher } = parleyCommand(opts.fromSource ?? false);
  const baseEnv = { ...process.env, DATABASE_URL: databasePath, NODE_ENV: 'production' };
  log(`Parley: ${launcher} site add ${SITE_ID} --name Bench --origin ${SITE_ORIGIN}`);
  await runCommand('parley site add', cmd, [...args, 'site', 'add', SITE_ID, '--name', 'Bench', '--origin', SITE_ORIGIN], {
    cwd: REPO_ROOT,
    env: baseEnv,
    logPath: join(dir, 'site-add.log'),
    timeoutMs: 60_000,
  });
  const port = await freePort();
  const child = startChild('parley', cmd, [...args, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...baseEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT: 'off',
      DEMO: 'off',
      ...opts.extraEnv,
    },
    logPath: join(dir, 'parley.log'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/healthz`, child, 60_000);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { baseUrl, child, version: parleyVersion(), launcher, databasePath, stop: () => stopChild(child) };
}

/** Posts `count` top-level comments to the thread `url` through the public API, as the widget would. */
export async function seedParley(baseUrl: string, url: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await postJson(`${baseUrl}/api/v1/comments`, {
      site: SITE_ID,
      url,
      title: 'Benchmark article',
      body: commentText(i),
      author: { name: `Reader ${i + 1}`, email: `reader${i + 1}@example.com` },
    });
    if (res.status !== 201) {
      throw new Error(`Parley refused seed comment ${i + 1}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
    }
  }
}

/**
 * The widget's request for a thread's first page, exactly as src/widget/app/api.ts builds it: its default page
 * sends no `limit` (the server's default, 20), "show all" sends limit=100.
 */
export function parleyReadPath(url: string, limit: number): string {
  const q = new URLSearchParams({ site: SITE_ID, url, sort: 'newest' });
  if (limit !== 20) q.set('limit', String(limit));
  return `/api/v1/comments?${q}`;
}
