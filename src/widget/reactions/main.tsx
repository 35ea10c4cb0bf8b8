/**
 * reactions.js, loaded by app.js only when the site has reactions (`reactions` of `GET /api/v1/config`; interface:
 * ../shared/extensions.ts): the reaction buttons beside each comment's votes, rendered with app.js's Preact (kit).
 */
import { register } from '../shared/extensions.js';
import { setKit } from '../shared/kit.js';
import { siteReactions } from './counts.js';
import { Reactions } from './Reactions.js';

register('reactions', (kit, widget) => {
  setKit(kit);
  return {
    reactions: (c) => {
      const w = widget();
      return <Reactions w={w} c={c} site={siteReactions(w.config?.reactions)} />;
    },
  };
});
