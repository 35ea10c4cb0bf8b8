import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../error-handler.js';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/embed.js': { file: 'embed.js', type: 'text/javascript; charset=utf-8' },
  '/count.js': { file: 'count.js', type: 'text/javascript; charset=utf-8' },
  '/widget/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/widget/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/widget/passages.js': { file: 'passages.js', type: 'text/javascript; charset=utf-8' },
  '/widget/anchoring.js': { file: 'anchoring.js', type: 'text/javascript; charset=utf-8' },
  '/widget/account.js': { file: 'account.js', type: 'text/javascript; charset=utf-8' },
  '/widget/compose.js': { file: 'compose.js', type: 'text/javascript; charset=utf-8' },
  '/widget/reactions.js': { file: 'reactions.js', type: 'text/javascript; charset=utf-8' },
  '/widget/mentions.js': { file: 'mentions.js', type: 'text/javascript; charset=utf-8' },
  '/widget/i18n/de.js': { file: 'i18n/de.js', type: 'text/javascript; charset=utf-8' },
};

/** The widget's built files (dist/widget), read once and served with gzip and ETag. */
export async function widgetAssetRoutes(app: FastifyInstance, opts: { dir: string }): Promise<void> {
  for (const [path, asset] of Object.entries(ASSETS)) {
    const file = join(opts.dir, asset.file);
    const body = existsSync(file) ? readFileSync(file) : null;
    const gzip = body && gzipSync(body, { level: 9 });
    const etag = body && `"${createHash('sha1').update(body).digest('base64url')}"`;
    app.get(path, { schema: { hide: true } as object }, async (request, reply) => {
      if (!body || !gzip || !etag) return sendError(reply, 'NOT_FOUND', `${asset.file} is not built; run npm run build`);
      reply.type(asset.type).header('ETag', etag).header('Cache-Control', 'public, max-age=300').header('Vary', 'Accept-Encoding');
      reply.header('Access-Control-Allow-Origin', '*');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('Content-Encoding', 'gzip').send(gzip);
      return reply.send(body);
    });
  }
}
