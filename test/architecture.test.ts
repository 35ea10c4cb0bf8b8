import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { test } from 'node:test';

// The layers, enforced: core is pure; nothing but the server's own entry points reaches into the server.
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

interface Import { file: string; spec: string; typeOnly: boolean; target: string | null }

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const spec = (m[3] ?? m[4] ?? m[5])!;
    const target = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : null;
    out.push({ file: relative(src, file), spec, typeOnly: Boolean(m[2]), target });
  }
  return out;
}

const all = files(src).filter((f) => !f.endsWith('.test.ts')).flatMap(importsOf);
const layer = (path: string) => path.split('/')[0]!;

test('core imports nothing but core: no Node built-ins, no packages, no other layer', () => {
  const bad = all.filter((i) => layer(i.file) === 'core' && (i.target === null || layer(i.target) !== 'core'));
  assert.deepEqual(bad.map((i) => `${i.file} → ${i.spec}`), []);
});

test('core has no clock, randomness or I/O inside (time and ids are inputs)', () => {
  const offenders = files(join(src, 'core'))
    .filter((f) => !f.endsWith('.test.ts'))
    .filter((f) => /Date\.now\(|new Date\(\)|Math\.random\(|crypto\.|fetch\(|process\./.test(readFileSync(f, 'utf8')))
    .map((f) => relative(src, f));
  assert.deepEqual(offenders, []);
});

test('api (wire schemas) depends only on core and the schema library', () => {
  const bad = all.filter((i) => layer(i.file) === 'api' && !(i.target ? ['core', 'api'].includes(layer(i.target)) : i.spec === '@sinclair/typebox'));
  assert.deepEqual(bad.map((i) => `${i.file} → ${i.spec}`), []);
});

test('the widget uses core helpers and api types only, never the server; its packages are preact only', () => {
  const bad = all.filter((i) => layer(i.file) === 'widget' && (
    i.target ? layer(i.target) === 'server' || layer(i.target) === 'demo' || (layer(i.target) === 'api' && !i.typeOnly) : !i.spec.startsWith('preact')
  ));
  assert.deepEqual(bad.map((i) => `${i.file} → ${i.spec}`), []);
});

test('nothing outside the server imports the server (the demo is mounted by it, not the reverse)', () => {
  const bad = all.filter((i) => i.target && layer(i.target) === 'server' && layer(i.file) !== 'server');
  assert.deepEqual(bad.map((i) => `${i.file} → ${i.spec}`), []);
});

test('migrations are frozen in time: they import no application code', () => {
  const bad = all.filter((i) => i.file.startsWith('server/storage/migrations/') && i.target && !i.target.startsWith('server/storage/migrations/'));
  assert.deepEqual(bad.map((i) => `${i.file} → ${i.spec}`), []);
});

test('use cases do not know HTTP; routes do not touch storage directly', () => {
  const useCases = all.filter((i) => i.file.startsWith('server/use-cases/') && (i.spec === 'fastify' || i.target?.startsWith('server/http/')));
  const routes = all.filter((i) => i.file.startsWith('server/http/routes/') && (i.target?.startsWith('server/storage/') || i.spec === 'kysely' && !i.file.endsWith('health.ts')));
  assert.deepEqual([...useCases, ...routes].map((i) => `${i.file} → ${i.spec}`), []);
});
