// The post of a thread that the edit and history pages are about, loaded with its thread (which
// also says whether the viewer may edit it); a post of another thread is a 404.
import { error, redirect } from '@sveltejs/kit';
import type { Post, ThreadDetail } from '@serendip/contracts';
import { dataOrError, type ApiClient } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';

export function idOf(param: string, code: 'thread_not_found' | 'post_not_found'): number {
  const id = Number(param);
  if (!/^\d{1,10}$/.test(param) || id < 1 || id > 2147483647) {
    error(404, { message: 'Not found', code });
  }
  return id;
}

export interface ThreadPost {
  detail: ThreadDetail;
  post: Post;
  canEdit: boolean;
}

export async function loadThreadPost(
  api: ApiClient,
  params: { id: string; postId: string },
  url: URL,
  viewerId: number | null,
): Promise<ThreadPost> {
  if (viewerId === null) redirect(303, signInThenBackTo(url));
  const threadId = idOf(params.id, 'thread_not_found');
  const postId = idOf(params.postId, 'post_not_found');
  const detail = dataOrError(await api.get<ThreadDetail>(`/threads/${threadId}`));
  const post = detail.posts.find((candidate) => candidate.id === postId);
  if (!post) error(404, { message: 'Post not found', code: 'post_not_found' });
  const locked = detail.thread.status === 'locked';
  const isOwn = post.kind === 'opening' ? detail.viewer.isAuthor : post.author?.id === viewerId;
  const canEdit = (isOwn || detail.viewer.canModerate) && (!locked || detail.viewer.canModerate);
  return { detail, post, canEdit };
}
