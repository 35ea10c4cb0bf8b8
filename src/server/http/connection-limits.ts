import type { Server } from 'node:http';
import type { Config } from '../config/config.js';

/**
 * Node's HTTP server options that bound slow clients: the whole request (headers and body) within REQUEST_TIMEOUT,
 * the headers within the same time, checked every second or so (Node's default check runs every 30 s).
 */
export const httpServerOptions = (config: Config) => ({
  requestTimeout: config.requestTimeout,
  headersTimeout: config.requestTimeout,
  connectionsCheckingInterval: Math.max(250, Math.min(1000, Math.floor(config.requestTimeout / 2))),
});

/**
 * At most `perIp` open connections per socket address: the next one is closed before a byte is read, so a flood of
 * idle or slow connections from one address cannot use up the process's file descriptors. Behind a proxy all
 * connections come from it (see CONNECTIONS_PER_IP in the README).
 */
export function limitConnectionsPerIp(server: Server, perIp: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const ip = socket.remoteAddress ?? '';
    const n = (open.get(ip) ?? 0) + 1;
    if (n > perIp) {
      socket.destroy();
      return;
    }
    open.set(ip, n);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
}
