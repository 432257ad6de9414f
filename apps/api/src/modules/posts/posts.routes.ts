// HTTP routes for posts.
import type { Api, ModuleDeps } from '../../api-types.ts';

export async function postsRoutes(_app: Api, _deps: ModuleDeps): Promise<void> {}
