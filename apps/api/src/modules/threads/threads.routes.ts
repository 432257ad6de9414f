// HTTP routes for threads.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function threadsRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
