import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { demoColumns, demoPages } from '../../src/demo/demo-pages.js';

describe('the demo publication\'s icon', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await app.register(demoPages, { baseUrl: 'http://127.0.0.1:8080', siteId: 'demo' });
    await app.ready();
  });
  after(() => app.close());

  test('every page links /favicon.svg from its <head>', async () => {
    for (const path of ['/', `/columns/${demoColumns[0]!.slug}`, '/columns/missing']) {
      const html = (await app.inject({ url: path })).body;
      const head = html.slice(0, html.indexOf('</head>'));
      assert.match(head, /<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml">/, path);
    }
  });

  test('/favicon.svg is a cacheable SVG image', async () => {
    const res = await app.inject({ url: '/favicon.svg' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/svg+xml; charset=utf-8');
    assert.match(String(res.headers['cache-control']), /public, max-age=\d{4,}/);
    assert.match(res.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox=/);
  });

  test('/favicon.ico is a valid, cacheable ICO (16×16, 32-bit) for browsers that ask for it anyway', async () => {
    const res = await app.inject({ url: '/favicon.ico' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/x-icon');
    assert.match(String(res.headers['cache-control']), /public, max-age=\d{4,}/);
    const ico = res.rawPayload;
    // ICONDIR: reserved 0, type 1 (icon), one image
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 1]);
    // ICONDIRENTRY: 16×16, 32 bits per pixel, size and offset of the image
    assert.deepEqual([ico[6], ico[7], ico.readUInt16LE(12)], [16, 16, 32]);
    const size = ico.readUInt32LE(14);
    const offset = ico.readUInt32LE(18);
    assert.equal(offset + size, ico.length);
    // the image: a BITMAPINFOHEADER of height 2×16 (colour + mask), 32 bpp, then 16×16×4 bytes and the 16×4-byte mask
    assert.deepEqual([ico.readUInt32LE(offset), ico.readInt32LE(offset + 4), ico.readInt32LE(offset + 8), ico.readUInt16LE(offset + 14)], [40, 16, 32, 32]);
    assert.equal(size, 40 + 16 * 16 * 4 + 16 * 4);
    const alpha = Array.from({ length: 256 }, (_, i) => ico[offset + 40 + i * 4 + 3]!);
    assert.ok(alpha.some((a) => a === 255) && alpha.some((a) => a === 0), 'an opaque shape on a transparent ground');
  });
});
