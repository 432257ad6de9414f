// HTTP routes for votes.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function votesRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
