// HTTP routes for groups.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function groupsRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
