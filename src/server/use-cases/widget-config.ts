import type { WidgetConfigReply } from '../../api/schemas.js';
import type { SiteDirectory } from '../site-directory.js';
import { loadSite } from './load-site.js';

export interface WidgetConfigDeps {
  sites: Pick<SiteDirectory, 'get' | 'hasSso'>;
  mail: boolean;
  maxCommentLength: number;
  editWindowMs: number;
}

/** What the server can do for a site (GET /api/v1/config), from memory: the widget offers only that. */
export async function widgetConfig(deps: WidgetConfigDeps, input: { site: string; origin: string | undefined }): Promise<WidgetConfigReply> {
  const site = await loadSite(deps, input.site, input.origin);
  const signIn: WidgetConfigReply['signIn'] = [];
  if (deps.mail) signIn.push('email');
  if (await deps.sites.hasSso(site.id)) signIn.push('sso');
  return {
    site: { id: site.id, name: site.name },
    mail: deps.mail,
    signIn,
    maxCommentLength: deps.maxCommentLength,
    editWindowSeconds: Math.floor(deps.editWindowMs / 1000),
    reactions: [...(site.reactions ?? [])],
  };
}
