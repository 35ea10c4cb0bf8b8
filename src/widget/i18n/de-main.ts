/** i18n/de.js: the German catalogue, for app.js (see ../shared/i18n.ts). */
import type { I18nWindow } from '../shared/i18n.js';
import { de } from './de.js';

const w = window as I18nWindow;
(w.__parleyCatalogues ||= {}).de = de;
