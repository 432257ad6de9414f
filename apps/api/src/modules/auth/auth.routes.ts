// HTTP routes for registration, sign-in, sign-out and the current session.
import { ErrorResponse, LoginBody, Ok, RegisterBody, SessionResponse } from '@serendip/contracts';
import type { FastifyReply } from 'fastify';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { SESSION_COOKIE, viewerOf } from '../../plugins/session.ts';
import { login, logout, register, toSessionUser, type NewSession } from './auth.service.ts';

const tags = ['auth'];

export async function authRoutes(app: Api, { db, config }: ModuleDeps): Promise<void> {
  const startSession = (reply: FastifyReply, session: NewSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      expires: session.expiresAt,
    });
    return { user: session.user, csrfToken: session.csrfToken };
  };

  app.post(
    '/auth/register',
    {
      schema: {
        tags,
        body: RegisterBody,
        response: { 201: SessionResponse, '4xx': ErrorResponse },
      },
      config: { rateLimit: { max: config.registerRateLimit, timeWindow: '1 hour' } },
    },
    async (request, reply) =>
      reply.status(201).send(startSession(reply, await register(db, request.body, config))),
  );

  app.post(
    '/auth/login',
    {
      schema: { tags, body: LoginBody, response: { 200: SessionResponse, '4xx': ErrorResponse } },
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      startSession(reply, await login(db, request.body, config.sessionDays)),
  );

  app.post(
    '/auth/logout',
    { schema: { tags, response: { 200: Ok, '4xx': ErrorResponse } } },
    async (request, reply) => {
      await logout(db, viewerOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    { schema: { tags, response: { 200: SessionResponse } } },
    async (request) => {
      const viewer = request.viewer;
      return viewer
        ? { user: toSessionUser(viewer), csrfToken: viewer.csrfToken }
        : { user: null, csrfToken: null };
    },
  );
}
