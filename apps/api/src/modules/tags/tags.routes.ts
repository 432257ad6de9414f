// HTTP routes for tags: autocomplete for thread tags, skills and interests; a tag's threads.
import {
  ErrorResponse,
  TaggedThreadsQuery,
  TagList,
  TagParams,
  TagSearchQuery,
  ThreadList,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { listTaggedThreads } from '../threads/thread-read.ts';
import { suggestTags } from './tags.service.ts';

const tags = ['tags'];

export async function tagsRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/tags',
    {
      schema: {
        tags,
        querystring: TagSearchQuery,
        response: { 200: TagList, '4xx': ErrorResponse },
      },
    },
    async (request) => suggestTags(db, viewerOf(request), request.query),
  );

  app.get(
    '/tags/:slug/threads',
    {
      schema: {
        tags,
        params: TagParams,
        querystring: TaggedThreadsQuery,
        response: { 200: ThreadList, '4xx': ErrorResponse },
      },
    },
    async (request) => listTaggedThreads(db, viewerOf(request), request.params.slug, request.query),
  );
}
