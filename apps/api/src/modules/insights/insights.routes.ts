// HTTP routes for community insights: the figures as JSON, and the same as a CSV download.
import { ErrorResponse, Insights, InsightsQuery } from '@serendip/contracts';
import { Type } from 'typebox';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { insightsCsv } from './insights.csv.ts';
import { loadInsights } from './insights.service.ts';

export async function insightsRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/insights',
    {
      schema: {
        tags: ['insights'],
        querystring: InsightsQuery,
        response: { 200: Insights, '4xx': ErrorResponse },
      },
    },
    async (request) => loadInsights(db, viewerOf(request), request.query),
  );

  app.get(
    '/insights/export',
    {
      schema: {
        tags: ['insights'],
        querystring: InsightsQuery,
        response: { 200: Type.String(), '4xx': ErrorResponse },
      },
    },
    async (request, reply) => {
      const insights = await loadInsights(db, viewerOf(request), request.query);
      const name = `insights-${insights.group?.slug ?? 'company'}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(insightsCsv(insights));
    },
  );
}
