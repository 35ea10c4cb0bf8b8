#!/usr/bin/env -S node --max-semi-space-size=4
// --max-semi-space-size=4: a 4 MB young generation instead of 16 MB keeps a busy server's memory ~70 MB
// lower at the same throughput (measured with npm run bench). Run it as ./bin/parley.js or npx parley to get it.
// Parley's command line. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('parley: dist/ is missing; run "npm run build" (npm ci does it for you).');
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
