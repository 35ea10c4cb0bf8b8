/**
 * Languages other than English come as bundles of their own (i18n/de.js). embed.js loads the one of the widget's
 * language (`data-lang`, else the page's `<html lang>`) right before app.js, both inserted with `async = false`, so
 * it runs first: it puts its catalogue in `window.__parleyCatalogues`, which app.js adds to its own before the first
 * render. The catalogue carries the strings of the lazily loaded bundles too (`Messages.passages`, `.account`,
 * `.reactions`, `.mentions`); should it fail to load, the widget is in English.
 */
import type { Messages } from '../app/messages.js';

export type I18nWindow = Window & { __parleyCatalogues?: Record<string, Messages> };
