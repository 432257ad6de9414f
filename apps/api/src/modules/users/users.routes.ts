// HTTP routes for profiles: my own (read, edit) and a colleague's public profile.
import { ErrorResponse, HandleParams, Me, PublicProfile, UpdateMeBody } from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { getMe, getPublicProfile, updateMe } from './users.service.ts';

const tags = ['users'];

export async function usersRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/users/me',
    { schema: { tags, response: { 200: Me, '4xx': ErrorResponse } } },
    async (request) => getMe(db, viewerOf(request)),
  );

  app.patch(
    '/users/me',
    { schema: { tags, body: UpdateMeBody, response: { 200: Me, '4xx': ErrorResponse } } },
    async (request) => updateMe(db, viewerOf(request), request.body),
  );

  // Static /users/me is matched before this parametric route.
  app.get(
    '/users/:handle',
    {
      schema: {
        tags,
        params: HandleParams,
        response: { 200: PublicProfile, '4xx': ErrorResponse },
      },
    },
    async (request) => getPublicProfile(db, viewerOf(request), request.params.handle),
  );
}
