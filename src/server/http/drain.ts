import type { FastifyInstance } from 'fastify';

/** How long requests in flight may take to finish once the app is closing. */
export const DRAIN_MS = 10_000;

/**
 * Draining on close (with `forceCloseConnections: 'idle'`): requests in flight finish, then every connection left
 * (idle keep-alives, sockets a browser opened ahead and never used) is closed, so closing takes as long as the
 * slowest request and no longer; after `boundMs` the connections still busy are closed too.
 */
export function installDrain(app: FastifyInstance, boundMs = DRAIN_MS): void {
  let inFlight = 0;
  app.addHook('onRequest', async (_request, reply) => {
    inFlight++;
    reply.raw.once('close', () => inFlight--); // also for hijacked replies (live streams)
  });
  app.addHook('preClose', (done) => {
    const started = Date.now();
    const check = () => {
      if (inFlight > 0 && Date.now() - started < boundMs) return void setTimeout(check, 20);
      if (inFlight > 0) app.log.warn(`${inFlight} requests still in flight after ${boundMs / 1000} s: closing their connections`);
      app.server.closeAllConnections();
    };
    setImmediate(check); // after the other preClose hooks (live streams end there) and the listener's close
    done();
  });
}
