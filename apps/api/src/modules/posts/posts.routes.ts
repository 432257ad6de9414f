// HTTP routes for posts: answer or reply in a thread, edit, revisions, delete.
import {
  CreatePostBody,
  ErrorResponse,
  IdParams,
  Ok,
  Post,
  PostRevisionList,
  UpdatePostBody,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { postingRateLimit } from '../../plugins/posting-rate-limit.ts';
import { viewerOf } from '../../plugins/session.ts';
import { createPost, deletePost, listRevisions, updatePost } from './posts.service.ts';

const tags = ['posts'];
const errors = { '4xx': ErrorResponse };

export async function postsRoutes(app: Api, { db, config }: ModuleDeps): Promise<void> {
  app.post(
    '/threads/:id/posts',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreatePostBody,
        response: { 201: Post, ...errors },
      },
      config: { rateLimit: postingRateLimit(config) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPost(db, viewerOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/posts/:id',
    {
      schema: { tags, params: IdParams, body: UpdatePostBody, response: { 200: Post, ...errors } },
    },
    async (request) => updatePost(db, viewerOf(request), request.params.id, request.body),
  );

  app.get(
    '/posts/:id/revisions',
    { schema: { tags, params: IdParams, response: { 200: PostRevisionList, ...errors } } },
    async (request) => listRevisions(db, viewerOf(request), request.params.id),
  );

  app.delete(
    '/posts/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => deletePost(db, viewerOf(request), request.params.id),
  );
}
