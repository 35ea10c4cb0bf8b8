import { DomainError, unwrap } from '../../core/errors.js';
import { parseReactionList } from '../../core/reaction/reaction.js';
import { checkSiteId, normalizeOrigin } from '../../core/site/origin.js';
import { hashSecret } from '../security/tokens.js';
import { getSite, insertSite, listSites, setSiteKeyHash, updateSite, type Site } from '../storage/repos/site-repo.js';
import type { Deps } from './deps.js';

export interface SiteInput {
  id: string;
  name?: string | undefined;
  origins?: string[] | undefined;
  /** The reactions readers may give, as an operator writes them: `like,love,laugh`, or `none` (off). */
  reactions?: string | undefined;
}

const cleanOrigins = (origins: string[]): string[] => [...new Set(origins.map((o) => unwrap(normalizeOrigin(o))))];

/** `parley site add`: a new site with its allowed origins. */
export async function addSite(deps: Pick<Deps, 'db' | 'now'>, input: SiteInput): Promise<Site> {
  const id = unwrap(checkSiteId(input.id));
  if (await getSite(deps.db, id)) throw new DomainError('VALIDATION_FAILED', `Site "${id}" already exists.`);
  const reactions = input.reactions === undefined ? [] : unwrap(parseReactionList(input.reactions));
  const site: Site = { id, name: input.name?.trim() || id, origins: cleanOrigins(input.origins ?? []), createdAt: deps.now(), reactions };
  await insertSite(deps.db, site);
  return site;
}

/** `parley site update`: rename a site, replace its allowed origins or its reactions. */
export async function changeSite(deps: Pick<Deps, 'db'>, input: SiteInput): Promise<Site> {
  const site = await getSite(deps.db, input.id);
  if (!site) throw new DomainError('SITE_NOT_FOUND', `There is no site "${input.id}".`);
  const next: Site = {
    ...site,
    name: input.name?.trim() || site.name,
    origins: input.origins ? cleanOrigins(input.origins) : site.origins,
    reactions: input.reactions === undefined ? site.reactions : unwrap(parseReactionList(input.reactions)),
  };
  await updateSite(deps.db, next);
  return next;
}

export const allSites = (deps: Pick<Deps, 'db'>): Promise<Site[]> => listSites(deps.db);

/** Makes sure a site exists with at least the given origins (used for the demo publication). */
export async function ensureSite(deps: Pick<Deps, 'db' | 'now'>, input: Required<Omit<SiteInput, 'reactions'>>): Promise<Site> {
  const site = await getSite(deps.db, input.id);
  if (!site) return addSite(deps, input);
  const missing = cleanOrigins(input.origins).filter((o) => !site.origins.includes(o));
  return missing.length ? changeSite(deps, { id: site.id, origins: [...site.origins, ...missing] }) : site;
}

/** `parley site key`: a new publisher key for the site (shown once; only its hash is kept). Replaces the old one. */
export async function newSiteKey(deps: Pick<Deps, 'db' | 'newSecret'>, siteId: string): Promise<string> {
  if (!(await getSite(deps.db, siteId))) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  const key = `pk_${deps.newSecret()}`;
  await setSiteKeyHash(deps.db, siteId, hashSecret(key));
  return key;
}
