import type { Kysely, Selectable } from 'kysely';
import { isReaction, type Reaction } from '../../../core/reaction/reaction.js';
import type { Database, SiteTable } from '../database.js';

export interface Site {
  id: string;
  name: string;
  origins: string[];
  createdAt: number;
  /** The reactions readers may give, in order (a subset of core's REACTIONS); [] = off. */
  reactions: Reaction[];
}

const toSite = (row: Omit<Selectable<SiteTable>, 'key_hash' | 'sso_secret'>): Site => ({
  id: row.id,
  name: row.name,
  origins: JSON.parse(row.origins) as string[],
  createdAt: Number(row.created_at),
  reactions: (JSON.parse(row.reactions) as unknown[]).filter(isReaction),
});

/** A site to write; without `reactions`, a new site has them off and an update keeps them. */
export type SiteWrite = Omit<Site, 'reactions'> & { reactions?: Reaction[] | undefined };

const COLUMNS = ['id', 'name', 'origins', 'created_at', 'reactions'] as const;

export async function getSite(db: Kysely<Database>, id: string): Promise<Site | undefined> {
  const row = await db.selectFrom('sites').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toSite(row);
}

export async function listSites(db: Kysely<Database>): Promise<Site[]> {
  const rows = await db.selectFrom('sites').select(COLUMNS).orderBy('id').execute();
  return rows.map(toSite);
}

export async function insertSite(db: Kysely<Database>, site: SiteWrite): Promise<void> {
  await db
    .insertInto('sites')
    .values({ id: site.id, name: site.name, origins: JSON.stringify(site.origins), created_at: site.createdAt, key_hash: null, sso_secret: null, reactions: JSON.stringify(site.reactions ?? []) })
    .execute();
}

export async function updateSite(db: Kysely<Database>, site: SiteWrite): Promise<void> {
  await db
    .updateTable('sites')
    .set({ name: site.name, origins: JSON.stringify(site.origins), ...(site.reactions ? { reactions: JSON.stringify(site.reactions) } : {}) })
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
