import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** A request id a proxy may pass on: short, and of characters that cannot forge log lines. */
const SANE = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request ids for logs (Fastify's `genReqId`): the `X-Request-Id` a trusted proxy (TRUST_PROXY) sent, when it looks
 * sane, else a new random one. A client that is not a trusted proxy cannot choose the id its log lines carry.
 */
export function requestIds(trustProxy: readonly string[]): (req: IncomingMessage) => string {
  const trusted = trustProxy.length ? proxyAddr.compile([...trustProxy]) : null;
  return (req) => {
    const given = req.headers['x-request-id'];
    if (trusted && typeof given === 'string' && SANE.test(given) && trusted(req.socket.remoteAddress ?? '', 0)) return given;
    return randomBytes(9).toString('base64url');
  };
}
