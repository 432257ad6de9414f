// A member's own data, to download: their profile and everything they wrote, voted, followed,
// received and were told, as one JSON document (what the GDPR calls data portability).
import type { MyDataExport } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { selectMyData } from './my-data.queries.ts';

export async function exportMyData(db: Database, viewer: Viewer): Promise<MyDataExport> {
  const data = await selectMyData(db, viewer.id);
  return { exportedAt: new Date().toISOString(), ...data } as MyDataExport;
}
