import { checkOrigin } from '../../core/site/origin.js';
import { DomainError } from '../../core/errors.js';
import type { Site } from '../storage/repos/site-repo.js';
import type { Deps } from './deps.js';

/** The site a request names, refused when unknown or when the calling page's origin is not allowed. */
export async function loadSite(deps: Pick<Deps, 'sites'>, siteId: string, origin: string | undefined): Promise<Site> {
  const site = await deps.sites.get(siteId);
  if (!site) throw new DomainError('SITE_NOT_FOUND', `Site '${siteId}' does not exist: create it with \`parley site add ${siteId} --origin ${origin ?? 'https://…'}\`.`);
  if (!checkOrigin(site.origins, origin).ok) {
    throw new DomainError('ORIGIN_NOT_ALLOWED', `${origin} is not an origin of site '${site.id}': add it with \`parley site update ${site.id} --origin ${origin}\`, `
      + 'repeating --origin for each origin the site keeps (the list is replaced; `parley site list` shows it).');
  }
  return site;
}
