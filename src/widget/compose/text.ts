import { composeText } from '../app/messages.js';
import type { Widget } from '../app/widget.js';

/** compose.js's strings in the widget's language (a language bundle carries them), else English. */
export const text = (w: Widget) => w.t.compose || composeText;
