import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** Test helpers that run the real `parley` command (bin/parley.js over dist/), as a user's `npx parley` does. */
export const root = resolve(import.meta.dirname, '../..');
export const bin = join(root, 'bin', 'parley.js');
const run = promisify(execFile);

/** Builds dist/ when the sources changed (the CLI runs the built files). */
export async function buildIfStale(): Promise<void> {
  await run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root });
}

/** Runs `parley ARGS` to completion; never throws: returns the exit code and the output. */
export async function parley(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export interface Served {
  child: ChildProcess;
  /** The base URL it listens on, read from its log. */
  url: string;
  log: () => string;
}

/** Starts `parley serve` on a free port (PORT=0) and resolves once it listens. */
export async function serve(env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' }, cwd: root });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
    const onData = (b: Buffer) => {
      out += b;
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return { child, url, log: () => out };
}
