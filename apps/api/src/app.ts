// buildApp(config): the whole API as a Fastify instance, without listening (tests inject into it).
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { migrate, openDatabase, type DatabaseHandle } from '@serendip/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Api, ModuleDeps } from './api-types.ts';
import type { Config } from './config.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { followsRoutes } from './modules/follows/follows.routes.ts';
import { groupsRoutes } from './modules/groups/groups.routes.ts';
import { charterRoutes } from './modules/moderation/charter/charter.routes.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { influenceRoutes } from './modules/influence/influence.routes.ts';
import { insightsRoutes } from './modules/insights/insights.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { influenceRecompute } from './jobs/influence-recompute.ts';
import { scheduleInfluenceRecompute } from './jobs/influence-schedule.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { postsRoutes } from './modules/posts/posts.routes.ts';
import { realtimeRoutes } from './modules/realtime/realtime.routes.ts';
import { previewRoutes } from './modules/preview/preview.routes.ts';
import { tagsRoutes } from './modules/tags/tags.routes.ts';
import { threadsRoutes } from './modules/threads/threads.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { myDataRoutes } from './modules/my-data/my-data.routes.ts';
import { votesRoutes } from './modules/votes/votes.routes.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { trackInFlight } from './plugins/in-flight.ts';
import { registerRealtime } from './plugins/realtime.ts';
import { registerSession } from './plugins/session.ts';
import { registerValidation } from './plugins/validation.ts';
import { SearchIndexer } from './jobs/search-indexer.ts';
import { createSearchEngine } from './modules/search/search-engine.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import type { SearchEngine } from '@serendip/search';

export interface BuildOptions {
  /** An already open, migrated database (tests); otherwise one is opened from the config. */
  database?: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** A search engine to use instead of the configured one (tests: an engine that fails). */
  searchEngine?: SearchEngine;
}

/** How long shutdown waits for requests still being handled before closing the database. */
const SHUTDOWN_DRAIN_MS = 10_000;

const modules = [
  authRoutes,
  usersRoutes,
  myDataRoutes,
  groupsRoutes,
  threadsRoutes,
  postsRoutes,
  votesRoutes,
  followsRoutes,
  notificationsRoutes,
  tagsRoutes,
  searchRoutes,
  influenceRoutes,
  peopleRoutes,
  insightsRoutes,
  charterRoutes,
  moderationRoutes,
  realtimeRoutes,
  previewRoutes,
];

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<Api> {
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: `${config.dataDir}/pglite`,
      maxConnections: config.databasePoolSize,
    }));
  if (ownsDatabase) await migrate(database);

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON only: text/plain is a "simple" cross-site request that a hostile page could forge.
  app.removeContentTypeParser('text/plain');
  app.decorate('database', database);
  const inFlight = trackInFlight(app);
  // onClose hooks run last-registered first, so this one runs after Fastify has stopped its own
  // server (which waits for open requests); requests that reached the app some other way (a
  // server in front of app.routing, app.inject) are waited for here.
  if (ownsDatabase) {
    app.addHook('onClose', async () => {
      await inFlight.drained(SHUTDOWN_DRAIN_MS);
      await database.close();
    });
  }

  registerSearchIndexer(
    app,
    config,
    options.searchEngine ?? createSearchEngine(config, database.db),
  );
  registerValidation(app);
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Serendip API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'serendip_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await registerSession(app, database);
  await registerRealtime(app, database, config);

  const deps: ModuleDeps = {
    db: database.db,
    config,
    recomputeInfluence: influenceRecompute(database),
  };
  if (config.influenceRecomputeHours > 0) {
    const schedule = scheduleInfluenceRecompute(
      deps.recomputeInfluence,
      app.log,
      config.influenceRecomputeHours * 3_600_000,
    );
    app.addHook('onClose', async () => schedule.stop());
  }
  await app.register(async (health) => healthRoutes(health as Api, deps));
  await app.register(
    async (api) => {
      for (const register of modules) await register(api as Api, deps);
      api.get('/docs/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );
  return app;
}

/**
 * The indexer runs in every API process: woken after each successful write this process answers
 * and on an interval (other processes' writes, backoff retries); stopped before the database
 * closes (onClose hooks run last-registered first).
 */
function registerSearchIndexer(app: Api, config: Config, engine: SearchEngine): void {
  const indexer = new SearchIndexer(app.database.db, engine, app.log);
  app.decorate('searchIndexer', indexer);
  app.addHook('onClose', async () => indexer.stop());
  if (config.searchIndexer !== 'auto') return;
  app.addHook('onReady', async () => indexer.start());
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      indexer.wake();
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    searchIndexer: SearchIndexer;
  }
}
