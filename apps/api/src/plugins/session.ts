// Who is asking: reads the session cookie once per request, and refuses state-changing requests
// that lack the session's CSRF token.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { sessions, users, type Database, type DatabaseHandle } from '@serendip/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.ts';
import { listenToChannel } from './database-listen.ts';
import { VIEWERS_CHANNEL, ViewerCache } from './viewer-cache.ts';

export const SESSION_COOKIE = 'serendip_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Viewer {
  id: number;
  handle: string;
  displayName: string;
  role: 'member' | 'moderator' | 'community_lead' | 'admin';
  locale: 'fr' | 'en';
  suspendedUntil: Date | null;
  csrfToken: string;
  sessionTokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The signed-in person, or a 401 for routes that need one. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return request.viewer;
}

/** Suspended members can read but not post, vote or flag until the end date. */
export function assertNotSuspended(viewer: Viewer): void {
  if (viewer.suspendedUntil && viewer.suspendedUntil > new Date()) {
    throw new DomainError(
      'account_suspended',
      `Your account is suspended until ${viewer.suspendedUntil.toISOString()}.`,
    );
  }
}

/** Global moderators and admins act on every group (moderation, private groups). */
export const STAFF_ROLES: readonly Viewer['role'][] = ['moderator', 'admin'];

export function isStaff(viewer: Viewer): boolean {
  return STAFF_ROLES.includes(viewer.role);
}

/**
 * The viewer of a session token, built once and run as a prepared statement: it runs on every
 * request, and re-planning it each time cost more database CPU than running it.
 */
function prepareViewerQuery(db: Database) {
  return db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      suspendedUntil: users.suspendedUntil,
      deletedAt: users.deletedAt,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        // The database clock, not a placeholder: placeholders skip the column's encoder, and
        // postgres.js cannot send a raw Date (drizzle makes its timestamp serializer a no-op).
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare('viewer_by_session');
}

type ViewerQuery = ReturnType<typeof prepareViewerQuery>;

interface ViewerSource {
  query: ViewerQuery;
  cache: ViewerCache;
}

async function loadViewer({ query, cache }: ViewerSource, token: string): Promise<Viewer | null> {
  const tokenHash = hashToken(token);
  const kept = cache.get(tokenHash);
  if (kept) return kept;
  const mark = cache.mark();
  const [row] = await query.execute({ tokenHash });
  if (!row || row.deletedAt) return null;
  const { deletedAt: _deletedAt, expiresAt, ...fields } = row;
  const viewer = { ...fields, sessionTokenHash: tokenHash };
  cache.keep(viewer, expiresAt, mark);
  return viewer;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Viewers already read during one web page, by session token. */
type SharedViewers = Map<string, Promise<Viewer | null>>;

const pageViewers = new AsyncLocalStorage<SharedViewers>();

/**
 * Runs one request of the web app (web-host.ts), whose server code calls the API in-process
 * several times (session, layout, page: five calls for a thread page): those calls read the
 * session once and share the viewer, instead of one session query each. Only reads share it: a
 * write reads the session afresh and drops what was shared, since it may change the viewer
 * (sign-out, settings), and so do calls outside a web request (HTTP, tests).
 * The process's ViewerCache usually answers these calls too, but any write in the process drops
 * it (and refuses reads that overlapped the write): on a busy site a page could then read the
 * session once per call again, so the page keeps its own.
 */
export function withSharedViewers<T>(handle: () => T): T {
  return pageViewers.run(new Map(), handle);
}

function viewerOfToken(
  source: ViewerSource,
  method: string,
  token: string,
): Promise<Viewer | null> {
  const shared = pageViewers.getStore();
  if (!SAFE_METHODS.has(method)) {
    shared?.clear();
    source.cache.forgetAll();
    return loadViewer(source, token);
  }
  if (!shared) return loadViewer(source, token);
  let viewer = shared.get(token);
  if (!viewer) {
    viewer = loadViewer(source, token);
    shared.set(token, viewer);
    // A failed read is not kept: the next call tries again.
    viewer.catch(() => shared.delete(token));
  }
  return viewer;
}

export async function registerSession(
  app: FastifyInstance,
  database: DatabaseHandle,
): Promise<void> {
  const source = { query: prepareViewerQuery(database.db), cache: new ViewerCache() };
  const listening = await listenToChannel(
    database,
    VIEWERS_CHANNEL,
    (payload) => source.cache.onNotification(payload),
    () => source.cache.forgetAll(),
  );
  app.addHook('preClose', async () => {
    await listening.close();
  });
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await viewerOfToken(source, request.method, token) : null;
    if (SAFE_METHODS.has(request.method) || !request.viewer) return;
    // Unauthenticated writes (login, register) are JSON-only, which a cross-site form cannot send.
    if (request.headers[CSRF_HEADER] !== request.viewer.csrfToken) {
      throw new DomainError(
        'csrf_failed',
        `Missing or wrong ${CSRF_HEADER} header; read it from GET /api/auth/session.`,
      );
    }
  });
  // What a write changed is read again by the next request (see viewer-cache.ts).
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method)) source.cache.forgetAll();
  });
}
