import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Parley } from '../compose.js';
import { clientError, frameworkError, installErrorHandler } from './error-handler.js';
import { installDrain } from './drain.js';
import { FastReads } from './fast-read.js';
import { installValidators } from './validators.js';
import { refuseMalformedStrings } from './well-formed-strings.js';
import { httpServerOptions, limitConnectionsPerIp } from './connection-limits.js';
import { requestIds } from './request-id.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { countRoutes } from './routes/counts.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { pageRoutes } from './routes/pages.js';
import { previewRoutes } from './routes/preview.js';
import { streamRoutes } from './routes/stream.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { webhookRoutes } from './routes/webhooks.js';
import { widgetAssetRoutes } from './routes/widget-assets.js';
import { widgetConfigRoutes } from './routes/widget-config.js';

export interface AppOptions {
  /** Folder of the built widget (dist/widget). */
  widgetDir: string;
  /** Extra routes mounted last, e.g. the demo publication. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
  logger?: boolean;
}

/** Builds the HTTP app without listening, so tests can `inject` requests. */
export async function buildApp(parley: Parley, options: AppOptions): Promise<FastifyInstance> {
  const { config } = parley;
  const app = Fastify({
    logger: options.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    // Every log line of a request carries its id, sent back as X-Request-Id (a trusted proxy's own id is kept).
    genReqId: requestIds(config.trustProxy),
    // On close, idle keep-alive connections are closed; requests in flight finish (drain.ts bounds the wait).
    forceCloseConnections: 'idle',
    // One line per request only when asked for (LOG_LEVEL=debug or trace): it costs throughput.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    return503OnClosing: true,
    // Slow clients: the whole request within REQUEST_TIMEOUT (408), idle keep-alive connections closed.
    requestTimeout: config.requestTimeout,
    keepAliveTimeout: config.keepAliveTimeout,
    http: httpServerOptions(config),
    // Errors met before a route runs keep the JSON error shape too.
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  limitConnectionsPerIp(app.server, config.connectionsPerIp);
  installErrorHandler(app);
  installValidators(app);
  refuseMalformedStrings(app);
  // Only JSON bodies are accepted: anything else is 415 UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');

  // ecosystem plugins
  await app.register(swagger, {
    openapi: {
      info: { title: 'Parley API', version: '1', description: 'Reader discussions under articles. See docs/http-api.md.' },
    },
  });
  await app.register(cors, {
    // Preflights name no site: allow any origin some site allows; each route then checks the site's own list.
    // The origin is reflected, never "*", so credentialed calls (the session cookie) work from sites' pages only.
    // Error answers to other origins get "*" without credentials (the onSend hook below).
    origin: (origin, cb) => {
      if (!origin) return cb(null, false);
      parley.sites.anyAllows(origin).then((ok) => cb(null, ok), (e: Error) => cb(e, false));
    },
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Parley-Voter', 'X-Parley-CSRF'],
    exposedHeaders: ['Retry-After', 'ETag'],
    maxAge: 600,
    credentials: true,
  });
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => {
        const error = new Error(`Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`) as Error & { statusCode: number };
        error.statusCode = 429;
        return error;
      },
    });
  }

  // hooks
  installDrain(app);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Request-Id', request.id);
    // Refusals are readable by any page, without credentials, so an embed on a wrong origin or with a wrong site id
    // can say why (ORIGIN_NOT_ALLOWED, SITE_NOT_FOUND) instead of looking like a network failure.
    // Preflights (OPTIONS) of other origins stay refused: their calls never reach a route.
    if (reply.statusCode >= 400 && request.method !== 'OPTIONS' && request.url.startsWith('/api/') && !reply.hasHeader('Access-Control-Allow-Origin')) {
      reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Expose-Headers', 'Retry-After');
      reply.removeHeader('Access-Control-Allow-Credentials');
    }
    if (!reply.hasHeader('Referrer-Policy')) reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    return payload;
  });

  // routes
  await app.register(healthRoutes, parley);
  // The cached read of a thread page, answered ahead of Fastify once the route has answered it (fast-read.ts).
  const fastReads = new FastReads(parley);
  fastReads.install(app);
  await app.register(async (scope) => commentRoutes(scope, parley, fastReads));
  await app.register(countRoutes, parley);
  await app.register(pageRoutes, parley);
  await app.register(streamRoutes, parley);
  await app.register(webhookRoutes, parley);
  await app.register(feedRoutes, parley);
  await app.register(subscriptionRoutes, parley);
  await app.register(authRoutes, parley);
  await app.register(widgetConfigRoutes, parley);
  await app.register(previewRoutes, parley);
  await app.register(widgetAssetRoutes, { dir: options.widgetDir });
  app.get('/api/openapi.json', { schema: { hide: true } as object }, async () => app.swagger());
  if (options.extraRoutes) await app.register(options.extraRoutes);
  return app;
}
