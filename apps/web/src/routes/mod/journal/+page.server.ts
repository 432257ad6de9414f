// The audit log (staff only, as the API decides): search and filters in the URL, and the same
// filters as a CSV export link.
import type { AuditList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = {
    q: (url.searchParams.get('q') ?? '').trim().slice(0, 200),
    action: (url.searchParams.get('action') ?? '').trim().slice(0, 40),
    targetType: (url.searchParams.get('cible') ?? '').trim().slice(0, 20),
  };
  const audit = dataOrError(await locals.api.get<AuditList>('/mod/audit', filters));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  const search = query.toString();
  return { audit, filters, csvHref: `/api/mod/audit.csv${search ? `?${search}` : ''}` };
};
