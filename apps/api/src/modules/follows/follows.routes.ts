// HTTP routes for follows: follow, unfollow, and list what I follow.
import {
  ErrorResponse,
  FollowList,
  FollowListQuery,
  FollowParams,
  FollowState,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { follow, listMyFollows, unfollow } from './follows.service.ts';

const tags = ['follows'];
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];

export async function followsRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/follows',
    {
      schema: {
        tags,
        security,
        querystring: FollowListQuery,
        response: { 200: FollowList, '4xx': ErrorResponse },
      },
    },
    async (request) => listMyFollows(db, viewerOf(request), request.query),
  );

  app.put(
    '/follows/:targetType/:targetId',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: FollowParams,
        response: { 200: FollowState, '4xx': ErrorResponse },
      },
    },
    async (request) => follow(db, viewerOf(request), request.params),
  );

  app.delete(
    '/follows/:targetType/:targetId',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: FollowParams,
        response: { 200: FollowState, '4xx': ErrorResponse },
      },
    },
    async (request) => unfollow(db, viewerOf(request), request.params),
  );
}
