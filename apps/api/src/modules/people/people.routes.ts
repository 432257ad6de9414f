// HTTP routes for the expert directory.
import { ErrorResponse, PeopleList, PeopleQuery } from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { listPeople } from './people.service.ts';

export async function peopleRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        querystring: PeopleQuery,
        response: { 200: PeopleList, '4xx': ErrorResponse },
      },
    },
    async (request) => listPeople(db, viewerOf(request), request.query),
  );
}
