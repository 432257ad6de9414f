// HTTP routes for influence: recompute the scores now (community leads and admins).
import { ErrorResponse, InfluenceRecomputeResponse } from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { requestInfluenceRecompute } from './influence.service.ts';

export async function influenceRoutes(app: Api, { recomputeInfluence }: ModuleDeps): Promise<void> {
  app.post(
    '/influence/recompute',
    {
      schema: {
        tags: ['influence'],
        security: [{ session: [], csrf: [] }],
        response: { 200: InfluenceRecomputeResponse, '4xx': ErrorResponse },
      },
    },
    async (request) => requestInfluenceRecompute(recomputeInfluence, viewerOf(request)),
  );
}
