/** Bytes the browser downloads for the widget: raw and gzip -9, from dist/widget (built by `npm run build`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const WIDGET_FILES = ['embed.js', 'app.js', 'app.css', 'count.js'] as const;

export interface WidgetFileSize {
  file: string;
  built: boolean;
  raw?: number;
  gzip9?: number;
}

export function widgetSizes(repoRoot: string): WidgetFileSize[] {
  return WIDGET_FILES.map((file) => {
    const path = join(repoRoot, 'dist', 'widget', file);
    if (!existsSync(path)) return { file: `dist/widget/${file}`, built: false };
    const bytes = readFileSync(path);
    return { file: `dist/widget/${file}`, built: true, raw: bytes.length, gzip9: gzipSync(bytes, { level: 9 }).length };
  });
}
