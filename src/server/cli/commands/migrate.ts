import { loadConfig } from '../../config/config.js';
import { migrateToLatest, migrationStatus, openStorage } from '../../storage/connect.js';
import { parseDatabaseUrl } from '../../storage/database-url.js';
import { CONFIG_FLAGS, configFlags, parse } from '../args.js';

export const MIGRATE_HELP = `Usage: parley migrate [--dry-run] [--database-url URL]

Applies every pending database migration and reports what it applied. serve does this too on start. A database
whose schema is newer than this version (migrations it does not know) is refused, before anything changes.

Options:
  --dry-run              List the migrations that would run, and change nothing.
  --database-url <url>   SQLite file path, sqlite: URL or postgres:// URL [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

export async function migrate(args: string[]): Promise<number> {
  const { values } = parse(args, { ...CONFIG_FLAGS, 'dry-run': { type: 'boolean' } });
  if (values.help) return console.log(MIGRATE_HELP), 0;
  const config = loadConfig(process.env, configFlags(values));
  const storage = await openStorage(parseDatabaseUrl(config.databaseUrl));
  try {
    if (values['dry-run']) {
      const { pending, unknown } = await migrationStatus(storage.db);
      if (unknown.length) console.log(`The database is newer than this version of Parley (unknown migration(s): ${unknown.join(', ')}): it would refuse to run.`);
      else console.log(pending.length ? `Would apply ${pending.length} migration(s): ${pending.join(', ')}` : 'The database is up to date.');
      return unknown.length ? 1 : 0;
    }
    const { applied } = await migrateToLatest(storage.db);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await storage.close();
  }
}
