// Prints the README's configuration table from the one declaration of every option
// (src/server/config/options.ts). `npx tsx scripts/config-table.ts`; test/docs.test.ts checks the README matches.
import { OPTIONS } from '../src/server/config/options.js';

export function configTable(): string {
  const rows = Object.values(OPTIONS).map(
    (o) => `| \`${o.env}\` | \`${o.flag}\` | ${o.default ? `\`${o.default}\`` : '—'} | ${o.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Environment | Flag | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(configTable());
