import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';

/** Every migration, in order. A new migration is one new file and one line here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
