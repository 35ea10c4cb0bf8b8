import { loadConfig } from '../../config/config.js';
import { migrateToLatest, openStorage } from '../../storage/connect.js';
import { parseDatabaseUrl } from '../../storage/database-url.js';
import { CONFIG_FLAGS, configFlags, parse } from '../args.js';

export const MIGRATE_HELP = `Usage: parley migrate [--database-url URL]

Applies every pending database migration and reports what it applied. serve does this too on start.

Options:
  --database-url <url>   SQLite file path, sqlite: URL or postgres:// URL [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

export async function migrate(args: string[]): Promise<number> {
  const { values } = parse(args, CONFIG_FLAGS);
  if (values.help) return console.log(MIGRATE_HELP), 0;
  const config = loadConfig(process.env, configFlags(values));
  const storage = await openStorage(parseDatabaseUrl(config.databaseUrl));
  try {
    const { applied } = await migrateToLatest(storage.db);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await storage.close();
  }
}
