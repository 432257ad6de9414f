// HTTP routes for tags: autocomplete for thread tags, skills and interests.
import { ErrorResponse, TagList, TagSearchQuery } from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
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
}
