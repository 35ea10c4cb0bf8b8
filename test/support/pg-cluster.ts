import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl from Debian's packages), for fault tests that stop or restart
 * the server: the suite's shared cluster (PG_ADMIN_URL) must never be restarted under other tests' feet.
 */
export interface PgCluster {
  url: string;
  restart(): void;
  stop(): void;
  start(): void;
  destroy(): void;
}

const binDir = (() => {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
})();
const root = process.getuid?.() === 0;

/** Why a private cluster cannot run here, or false. */
export const pgClusterSkipReason: string | false = !binDir
  ? 'PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)'
  : false;

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

export async function startPgCluster(): Promise<PgCluster> {
  if (!binDir) throw new Error('no PostgreSQL binaries');
  const dir = mkdtempSync(join(tmpdir(), 'parley-pgfault-'));
  if (root) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();
  const as = (cmd: string, args: string[]) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(binDir, cmd), args, { stdio: 'pipe' });
  as('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=100`;
  const ctl = (...args: string[]) => as('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '30', ...args]);
  ctl('-o', opts, 'start');
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl('-m', 'fast', '-o', opts, 'restart'),
    stop: () => ctl('-m', 'fast', 'stop'),
    start: () => ctl('-o', opts, 'start'),
    destroy() {
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
