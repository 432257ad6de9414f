// HTTP routes for follows.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function followsRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
