// HTTP routes for notifications.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function notificationsRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
