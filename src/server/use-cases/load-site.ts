import { checkOrigin } from '../../core/site/origin.js';
import { DomainError, unwrap } from '../../core/errors.js';
import type { Site } from '../storage/repos/site-repo.js';
import type { Deps } from './deps.js';

/** The site a request names, refused when unknown or when the calling page's origin is not allowed. */
export async function loadSite(deps: Pick<Deps, 'sites'>, siteId: string, origin: string | undefined): Promise<Site> {
  const site = await deps.sites.get(siteId);
  if (!site) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  unwrap(checkOrigin(site.origins, origin));
  return site;
}
