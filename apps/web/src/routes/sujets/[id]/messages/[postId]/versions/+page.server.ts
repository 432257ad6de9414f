// A post's version history: every version as written, newest first (GET /posts/:id/revisions).
import type { PostRevisionList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { loadThreadPost } from '../thread-post.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { detail, post } = await loadThreadPost(locals.api, params, url, locals.user?.id ?? null);
  const revisions = dataOrError(
    await locals.api.get<PostRevisionList>(`/posts/${post.id}/revisions`),
  );
  const newestFirst = [...revisions.items].sort((a, b) => b.revision - a.revision);
  return { thread: detail.thread, post, revisions: newestFirst };
};
