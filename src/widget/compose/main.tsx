/**
 * compose.js, loaded by app.js when the reader acts (interface: ../shared/compose.ts): sending a form, the formatting
 * toolbar and help, the server's preview, the counter, the messages of errors met once the reader acts, rendered with
 * app.js's Preact (kit).
 */
import type { ComposeWindow } from '../shared/compose.js';
import { plural, setKit } from '../shared/kit.js';
import { Mine } from './Mine.js';
import { Preview } from './Preview.js';
import { send } from './send.js';
import { COMPOSE_CSS } from './style.js';
import { text } from './text.js';
import { shortcut, Tools } from './Tools.js';

(window as ComposeWindow).__parleyCompose = (kit) => {
  setKit(kit);
  return {
    css: COMPOSE_CSS,
    send,
    errors: (w) => text(w).errors,
    counter: (w, left) => (
      <p class="counter hint" aria-live="polite">
        {plural(left < 0 ? text(w).charsOver : text(w).charsLeft, Math.abs(left), w.t.locale)}
      </p>
    ),
    tools: (w, box) => <Tools w={w} box={box} />,
    key: shortcut,
    preview: (w, body, mentions) => <Preview w={w} body={body} mentions={mentions} />,
    mine: (w, own, about, act) => <Mine w={w} own={own} about={about} act={act} />,
  };
};
