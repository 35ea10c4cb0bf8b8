/**
 * mentions.js, loaded by app.js when the reader first types `@` in a comment box (interface:
 * ../shared/extensions.ts): the names of the thread's authors offered after `@` (combo.tsx), and the `mentions`
 * the form sends with a comment or its preview.
 */
import { register } from '../shared/extensions.js';
import { setKit } from '../shared/kit.js';
import { createMentions } from './combo.js';

register('mentions', (kit, widget) => {
  setKit(kit);
  return createMentions(widget);
});
