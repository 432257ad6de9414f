// HTTP routes for threads: start one in a group, list a group's threads, read, edit, lock, delete.
import {
  CreateThreadBody,
  ErrorResponse,
  GroupSlugParams,
  IdParams,
  LockThreadBody,
  Ok,
  ThreadDetail,
  ThreadList,
  ThreadListQuery,
  UpdateThreadBody,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { postingRateLimit } from '../../plugins/posting-rate-limit.ts';
import { viewerOf } from '../../plugins/session.ts';
import { listGroupThreads, loadThreadDetail } from './thread-read.ts';
import { createThread, deleteThread, lockThread, updateThreadContent } from './threads.service.ts';

const tags = ['threads'];
const errors = { '4xx': ErrorResponse };

/**
 * The thread page is mostly long HTML and markdown strings, which V8's native JSON.stringify
 * escapes about twice as fast as fast-json-stringify (measured on a 50-post thread). Safe because
 * thread-read.ts builds every object field by field (nothing extra to strip); the schema still
 * documents the response.
 */
const nativeJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

export async function threadsRoutes(app: Api, { db, config }: ModuleDeps): Promise<void> {
  app.post(
    '/groups/:slug/threads',
    {
      schema: {
        tags,
        params: GroupSlugParams,
        body: CreateThreadBody,
        response: { 201: ThreadDetail, ...errors },
      },
      config: { rateLimit: postingRateLimit(config) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createThread(db, viewerOf(request), request.params.slug, request.body)),
  );

  app.get(
    '/groups/:slug/threads',
    {
      schema: {
        tags,
        params: GroupSlugParams,
        querystring: ThreadListQuery,
        response: { 200: ThreadList, ...errors },
      },
    },
    async (request) => listGroupThreads(db, viewerOf(request), request.params.slug, request.query),
  );

  app.get(
    '/threads/:id',
    {
      schema: { tags, params: IdParams, response: { 200: ThreadDetail, ...errors } },
      ...nativeJson,
    },
    async (request) => loadThreadDetail(db, viewerOf(request), request.params.id),
  );

  app.patch(
    '/threads/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateThreadBody,
        response: { 200: ThreadDetail, ...errors },
      },
    },
    async (request) => updateThreadContent(db, viewerOf(request), request.params.id, request.body),
  );

  app.put(
    '/threads/:id/lock',
    {
      schema: {
        tags,
        params: IdParams,
        body: LockThreadBody,
        response: { 200: ThreadDetail, ...errors },
      },
    },
    async (request) => lockThread(db, viewerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/threads/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => deleteThread(db, viewerOf(request), request.params.id),
  );
}
