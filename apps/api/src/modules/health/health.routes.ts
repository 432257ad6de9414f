// /health says the process is up; /ready says the database answers and is fully migrated.
import { isMigrated } from '@serendip/db';
import { Type } from 'typebox';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { DomainError } from '../../errors.ts';

const Status = Type.Object({ status: Type.String() });

export async function healthRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get('/health', { schema: { response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { response: { 200: Status } } }, async () => {
    const ready = await isMigrated(db).catch(() => false);
    if (!ready) throw new DomainError('not_ready', 'The database is unreachable or not migrated.');
    return { status: 'ready' };
  });
}
