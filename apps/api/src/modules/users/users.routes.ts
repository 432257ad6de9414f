// HTTP routes for users.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function usersRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
