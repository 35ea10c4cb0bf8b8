/**
 * Waline 1.39.3 (Node, thinkjs, SQLite through the `sqlite3` addon), run beside Parley as a peer.
 * See /work/shared/peers/README.md for why each step is needed:
 * - installed with npm into a cached folder (default /tmp/parley-bench-waline, BENCH_WALINE_DIR overrides),
 *   with `sqlite3` rebuilt from source (its prebuilt download cannot be reached);
 * - database created from Waline's own schema (waline.sqlite.sql);
 * - OAUTH_URL pointed at a loopback stub, since Waline fetches an OAuth service list on every request;
 * - bound to 127.0.0.1 through a config.js next to vanilla.js.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { postJson } from '../lib/http.js';
import { commentText } from '../lib/text.js';
import { freePort, log, makeTempDir, runCommand, startChild, stopChild, waitForHttp, type Child } from '../lib/procs.js';

export const WALINE_VERSION = '1.39.3';
export const WALINE_DIR = process.env.BENCH_WALINE_DIR ?? '/tmp/parley-bench-waline';
const SCHEMA = process.env.BENCH_WALINE_SCHEMA ?? '/work/shared/peers/waline.sqlite.sql';

function pkgDir(installDir: string): string {
  return join(installDir, 'node_modules', '@waline', 'vercel');
}

function installedVersion(installDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(pkgDir(installDir), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function sqlite3Loads(installDir: string): boolean {
  try {
    execFileSync(process.execPath, ['-e', "require('sqlite3')"], { cwd: installDir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs Waline into the cached folder unless a working install is already there (minutes the first time). */
export async function ensureWalineInstalled(installDir = WALINE_DIR): Promise<void> {
  const env = {
    ...process.env,
    // node-gyp must build against /usr/include/node: the headers download cannot be reached (toolchain.md)
    npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  if (installedVersion(installDir) !== WALINE_VERSION) {
    log(`Waline: installing @waline/vercel@${WALINE_VERSION} into ${installDir} with npm (about 30 s)...`);
    mkdirSync(installDir, { recursive: true });
    const pkgJson = join(installDir, 'package.json');
    if (!existsSync(pkgJson)) writeFileSync(pkgJson, JSON.stringify({ name: 'parley-bench-waline', private: true }, null, 2));
    await runCommand('npm install waline', 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@waline/vercel@${WALINE_VERSION}`], {
      cwd: installDir,
      env,
      logPath: join(installDir, 'install.log'),
      timeoutMs: 15 * 60_000,
    });
  }
  if (!sqlite3Loads(installDir)) {
    log('Waline: building the sqlite3 addon from source (about a minute)...');
    await runCommand('npm rebuild sqlite3', 'npm', ['rebuild', 'sqlite3', '--foreground-scripts'], {
      cwd: installDir,
      env: { ...env, npm_config_build_from_source: 'true' },
      logPath: join(installDir, 'rebuild.log'),
      timeoutMs: 15 * 60_000,
    });
    if (!sqlite3Loads(installDir)) throw new Error(`Waline: sqlite3 still does not load after the rebuild (see ${installDir}/rebuild.log)`);
  }
  log(`Waline: install ready in ${installDir}`);
}

/** Creates DIR/waline.sqlite from Waline's schema: with the sqlite3 CLI, or better-sqlite3 from Parley's node_modules. */
function createDatabase(dataDir: string): void {
  const dbPath = join(dataDir, 'waline.sqlite');
  const schema = readFileSync(SCHEMA, 'utf8');
  try {
    execFileSync('sqlite3', [dbPath], { input: schema, stdio: ['pipe', 'ignore', 'pipe'] });
    return;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') throw err;
  }
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(dbPath);
  try {
    db.exec(schema);
  } finally {
    db.close();
  }
}

/** The loopback stand-in for Waline's OAuth service list. */
function startOauthStub(): Promise<{ url: string; server: Server }> {
  return new Promise((resolve, reject) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"services":[]}');
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

export interface WalineServer {
  baseUrl: string;
  child: Child;
  version: string;
  stop(): Promise<void>;
}

export async function startWaline(installDir = WALINE_DIR): Promise<WalineServer> {
  await ensureWalineInstalled(installDir);
  const dataDir = makeTempDir('waline');
  createDatabase(dataDir);
  writeFileSync(join(pkgDir(installDir), 'config.js'), "module.exports = { host: '127.0.0.1' };\n");
  const stub = await startOauthStub();
  const port = await freePort();
  const child = startChild('waline', process.execPath, [join(pkgDir(installDir), 'vanilla.js'), String(port)], {
    cwd: installDir,
    env: {
      ...process.env,
      JWT_TOKEN: 'parley-bench-secret',
      AKISMET_KEY: 'false',
      IPQPS: '0',
      NODE_ENV: 'production',
      SQLITE_PATH: dataDir,
      OAUTH_URL: stub.url,
    },
    logPath: join(dataDir, 'waline.log'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/api/comment?path=/healthcheck&page=1&pageSize=10&lang=en-US`, child, 60_000);
  } catch (err) {
    await stopChild(child);
    stub.server.close();
    throw err;
  }
  return {
    baseUrl,
    child,
    version: installedVersion(installDir) ?? 'unknown',
    stop: async () => {
      await stopChild(child);
      stub.server.closeAllConnections();
      stub.server.close();
    },
  };
}

/** Posts `count` comments to the page `path` through Waline's own API (what its widget sends). */
export async function seedWaline(baseUrl: string, path: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await postJson(`${baseUrl}/api/comment?lang=en-US`, {
      comment: commentText(i),
      nick: `Reader ${i + 1}`,
      mail: `reader${i + 1}@example.com`,
      link: '',
      url: path,
      ua: 'Mozilla/5.0 (X11; Linux x86_64) parley-bench',
    });
    const text = res.body.toString('utf8');
    if (res.status !== 200 || !text.includes('"errno":0')) {
      throw new Error(`Waline refused seed comment ${i + 1}: ${res.status} ${text.slice(0, 300)}`);
    }
  }
}

/** The request Waline's widget makes for the first page (10 per page, newest first). */
export function walineReadPath(pagePath: string, pageSize = 10): string {
  return `/api/comment?path=${encodeURI(pagePath)}&page=1&pageSize=${pageSize}&sortBy=insertedAt_desc&lang=en-US`;
}
