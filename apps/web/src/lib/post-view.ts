// A thread as its page shows it: the fields the page reads and nothing else. The page's data is
// serialised into its HTML for hydration (and parsed again by the browser), so what the page never
// shows is left out: each post's markdown source (only the edit page needs it, and it would cost as
// many bytes again as the rendered bodies), the authors' job, department and site, the thread's
// excerpt and counters. On a full page load, each post's body is in the markup already: the data
// refers to it (RenderedHtml) instead of carrying it a second time.
import type { Post, Thread, UserSummary } from '@serendip/contracts';
import { RenderedHtml } from './rendered-html.ts';

export type AuthorView = Pick<UserSummary, 'id' | 'handle' | 'displayName'>;

export type PostView = Omit<Post, 'bodySource' | 'author' | 'bodyHtml'> & {
  author: AuthorView | null;
  bodyHtml: string | RenderedHtml;
};

/**
 * The thread page's one vote form: every post's vote buttons submit it (their `form` attribute),
 * each with its value "<post id>:<vote>", instead of a form and a hidden input per post.
 */
export const VOTE_FORM_ID = 'vote';

/** "<post id>:<vote>" from a vote button, or null when it is not one. */
export function parseVote(value: string): { postId: number; value: -1 | 0 | 1 } | null {
  const match = /^(\d{1,10}):(-1|0|1)$/.exec(value);
  if (!match) return null;
  const postId = Number(match[1]);
  if (postId < 1 || postId > 2147483647) return null;
  return { postId, value: Number(match[2]) as -1 | 0 | 1 };
}

/** The element PostCard renders a post's body into. */
export function postBodyId(postId: number): string {
  return `post-${postId}-body`;
}

export type ThreadView = Pick<
  Thread,
  'id' | 'kind' | 'title' | 'status' | 'acceptedPostId' | 'tags'
> & { group: Pick<Thread['group'], 'slug' | 'name'> };

function toAuthorView(author: UserSummary | null): AuthorView | null {
  return author && { id: author.id, handle: author.handle, displayName: author.displayName };
}

/** `bodyInPage`: the page is rendered by the server, whose markup then holds the body. */
export function toPostView(post: Post, bodyInPage: boolean): PostView {
  return {
    id: post.id,
    threadId: post.threadId,
    kind: post.kind,
    author: toAuthorView(post.author),
    bodyHtml: bodyInPage ? new RenderedHtml(postBodyId(post.id), post.bodyHtml) : post.bodyHtml,
    state: post.state,
    score: post.score,
    myVote: post.myVote,
    isAccepted: post.isAccepted,
    revisionCount: post.revisionCount,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
  };
}

export function toThreadView(thread: Thread): ThreadView {
  const { id, kind, title, status, acceptedPostId, tags, group } = thread;
  return {
    id,
    kind,
    title,
    status,
    acceptedPostId,
    tags,
    group: { slug: group.slug, name: group.name },
  };
}
