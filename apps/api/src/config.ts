// One typed configuration object, read from environment variables and validated once at start.
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './.data' }),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  MEILI_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  MEILI_MASTER_KEY: Type.Optional(Type.String()),
  // 'manual': the search indexer runs only when asked (tests call app.searchIndexer.drain()).
  SEARCH_INDEXER: Type.Union([Type.Literal('auto'), Type.Literal('manual')], { default: 'auto' }),
  SEED_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('never')], { default: 'auto' }),
  // Comma-separated emails whose accounts are created as administrators: a site needs one to
  // publish its charter, configure rules and review held posts.
  ADMIN_EMAILS: Type.String({ default: '' }),
  COOKIE_SECURE: Type.Boolean({ default: false }),
  SESSION_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  REGISTER_RATE_LIMIT: Type.Integer({ minimum: 1, default: 5 }),
  POST_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  SEARCH_RATE_LIMIT: Type.Integer({ minimum: 1, default: 120 }),
  // Above this many matches a search counts its total and facets as estimates (bounded work).
  SEARCH_BROAD_MATCHES: Type.Integer({ minimum: 1, default: 2000 }),
  // Hours between two influence recomputations in the API process; 0 = never (on demand only).
  INFLUENCE_RECOMPUTE_HOURS: Type.Number({ minimum: 0, maximum: 720, default: 24 }),
  /** Extra origins (comma-separated) whose pages may open /api/ws; the API's own is always allowed. */
  WS_ALLOWED_ORIGINS: Type.String({ default: '' }),
  WS_MAX_BUFFERED_KB: Type.Integer({ minimum: 16, maximum: 65536, default: 1024 }),
  WS_HEARTBEAT_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  WS_MESSAGES_PER_SECOND: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) =>
      Type.Literal(level),
    ),
    { default: 'info' },
  ),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize: number;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  seedDemo: boolean;
  /** Lower-cased; an account registered with one of them is an administrator. */
  adminEmails: string[];
  /** 'auto': index after each write and on an interval; 'manual': only on drain()/reindex. */
  searchIndexer: 'auto' | 'manual';
  cookieSecure: boolean;
  sessionDays: number;
  /** Attempts per minute and client address. */
  loginRateLimit: number;
  /** Registrations per hour and client address. */
  registerRateLimit: number;
  /** New threads, and new posts, per minute and person (each route counts apart). */
  postRateLimit: number;
  /** Searches per minute and person (search-as-you-type gets five times as many). */
  searchRateLimit: number;
  /** PostgreSQL engine: matches above which totals and facets are estimated from a sample. */
  searchBroadMatches: number;
  logLevel: string;
  /** 0: no scheduled recomputation. */
  influenceRecomputeHours: number;
  realtime: {
    allowedOrigins: string[];
    /** Bytes queued for one socket beyond which it is dropped as too slow. */
    maxBufferedBytes: number;
    heartbeatMs: number;
    /** Sustained messages a second from one socket (twice as many in a burst). */
    messagesPerSecond: number;
  };
}

export class ConfigError extends Error {}

const validator = Compile(EnvSchema);

/** Reads the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = validator.Default(validator.Convert(raw)) as Record<string, unknown>;
  if (!validator.Check(converted)) {
    const problems = [...validator.Errors(converted)].map(
      (error) => `${error.instancePath.replace(/^\//, '') || 'environment'}: ${error.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env_ = converted as Type.Static<typeof EnvSchema>;
  return {
    port: env_.PORT,
    host: env_.HOST,
    databaseUrl: env_.DATABASE_URL,
    dataDir: env_.DATA_DIR,
    databasePoolSize: env_.DATABASE_POOL_SIZE,
    meiliUrl: env_.MEILI_URL,
    meiliMasterKey: env_.MEILI_MASTER_KEY,
    seedDemo: env_.SEED_DEMO === 'auto',
    adminEmails: env_.ADMIN_EMAILS.split(',')
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
    searchIndexer: env_.SEARCH_INDEXER,
    cookieSecure: env_.COOKIE_SECURE,
    sessionDays: env_.SESSION_DAYS,
    loginRateLimit: env_.LOGIN_RATE_LIMIT,
    registerRateLimit: env_.REGISTER_RATE_LIMIT,
    postRateLimit: env_.POST_RATE_LIMIT,
    searchRateLimit: env_.SEARCH_RATE_LIMIT,
    searchBroadMatches: env_.SEARCH_BROAD_MATCHES,
    logLevel: env_.LOG_LEVEL,
    influenceRecomputeHours: env_.INFLUENCE_RECOMPUTE_HOURS,
    realtime: {
      allowedOrigins: env_.WS_ALLOWED_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      maxBufferedBytes: env_.WS_MAX_BUFFERED_KB * 1024,
      heartbeatMs: env_.WS_HEARTBEAT_SECONDS * 1000,
      messagesPerSecond: env_.WS_MESSAGES_PER_SECOND,
    },
  };
}
