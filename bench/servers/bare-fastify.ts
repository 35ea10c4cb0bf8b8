/**
 * A bare Fastify route sending fixed bytes with fixed headers: the framework's floor for a cached read.
 * Run as its own process (`node --import tsx bench/servers/bare-fastify.ts REPLY.json PORT`); REPLY.json holds
 * `{ headers, body, gzip }` (bodies base64) as captured from Parley's own answer, so both send the same bytes.
 * Gzip is sent when the request accepts it, identity otherwise, as Parley does.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

export interface CapturedReply {
  headers: Record<string, string>;
  /** base64 */
  body: string;
  /** base64, or null when the page is sent uncompressed */
  gzip: string | null;
}

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bare-fastify.ts REPLY.json PORT');
const reply = JSON.parse(readFileSync(file, 'utf8')) as CapturedReply;
const body = Buffer.from(reply.body, 'base64');
const gzip = reply.gzip === null ? null : Buffer.from(reply.gzip, 'base64');
const { 'content-encoding': _encoding, ...headers } = reply.headers;

const app = Fastify({ logger: false });
app.get('/*', (request, res) => {
  res.headers(headers);
  const accepts = request.headers['accept-encoding'];
  if (gzip && accepts && accepts.includes('gzip')) return res.header('content-encoding', 'gzip').send(gzip);
  return res.send(body);
});
app.get('/healthz', () => 'ok');
await app.listen({ host: '127.0.0.1', port: Number(port) });
