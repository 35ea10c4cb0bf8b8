import type { Kysely, Selectable } from 'kysely';
import type { Database, SiteTable } from '../database.js';

export interface Site {
  id: string;
  name: string;
  origins: string[];
  createdAt: number;
}

const toSite = (row: Omit<Selectable<SiteTable>, 'key_hash' | 'sso_secret'>): Site => ({
  id: row.id,
  name: row.name,
  origins: JSON.parse(row.origins) as string[],
  createdAt: Number(row.created_at),
});

export async function getSite(db: Kysely<Database>, id: string): Promise<Site | undefined> {
  const row = await db.selectFrom('sites').select(['id', 'name', 'origins', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row && toSite(row);
}

export async function listSites(db: Kysely<Database>): Promise<Site[]> {
  const rows = await db.selectFrom('sites').select(['id', 'name', 'origins', 'created_at']).orderBy('id').execute();
  return rows.map(toSite);
}

export async function insertSite(db: Kysely<Database>, site: Site): Promise<void> {
  await db
    .insertInto('sites')
    .values({ id: site.id, name: site.name, origins: JSON.stringify(site.origins), created_at: site.createdAt, key_hash: null, sso_secret: null })
    .execute();
}

export async function updateSite(db: Kysely<Database>, site: Site): Promise<void> {
  await db
    .updateTable('sites')
    .set({ name: site.name, origins: JSON.stringify(site.origins) })
    .where('id', '=', site.id)
    .execute();
}

export async function getSiteKeyHash(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('sites').select('key_hash').where('id', '=', id).executeTakeFirst();
  return row?.key_hash ?? null;
}

export async function setSiteKeyHash(db: Kysely<Database>, id: string, keyHash: string): Promise<void> {
  await db.updateTable('sites').set({ key_hash: keyHash }).where('id', '=', id).execute();
}
