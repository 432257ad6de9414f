// HTTP route for downloading one's own data: a JSON file, named after the handle and the day.
import { ErrorResponse, MyDataExport } from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { exportMyData } from './my-data.service.ts';

export async function myDataRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/users/me/export',
    {
      schema: { tags: ['users'], response: { 200: MyDataExport, '4xx': ErrorResponse } },
      // Arbitrary JSON rows (stored notification data among them) are written as they are.
      serializerCompiler: () => (data: unknown) => JSON.stringify(data, null, 2),
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const day = new Date().toISOString().slice(0, 10);
      reply
        .header(
          'content-disposition',
          `attachment; filename="serendip-${viewer.handle}-${day}.json"`,
        )
        .header('cache-control', 'no-store');
      return exportMyData(db, viewer);
    },
  );
}
