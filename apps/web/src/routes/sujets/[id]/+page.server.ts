// A thread's page: the question or discussion with its answers, and every action on it (vote,
// accept, thank, answer, follow) as form actions that work without JavaScript and redirect (303)
// back to the post they concern.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { FlagResult, Post, ThreadDetail } from '@serendip/contracts';
import type { ApiResult } from '$lib/api';
import { dataOrError } from '$lib/api';
import { rawField, textField, type FieldErrors } from '$lib/forms';
import { paths, signInThenBackTo } from '$lib/paths';
import { parseVote, toPostView, toThreadView } from '$lib/post-view';
import { charterClauses } from '$lib/server/moderation';
import { previewOf } from '$lib/server/preview';
import { loadSuggestedThreads } from '$lib/server/suggested-threads';
import type { Actions, PageServerLoad } from './$types';

const RELATED_SHOWN = 5;

function threadIdOf(param: string): number {
  const id = Number(param);
  if (!/^\d{1,10}$/.test(param) || id < 1 || id > 2147483647) {
    error(404, { message: 'Thread not found', code: 'thread_not_found' });
  }
  return id;
}

/** The post whose flag form is open (?signaler=<post id>), if any. */
function flaggedPostOf(url: URL): number | null {
  const id = Number(url.searchParams.get('signaler'));
  return Number.isInteger(id) && id > 0 && id <= 2147483647 ? id : null;
}

export const load: PageServerLoad = async ({ locals, params, url, parent, isDataRequest }) => {
  const id = threadIdOf(params.id);
  const flagging = locals.user ? flaggedPostOf(url) : null;
  // The layout reads the realtime cursor; waiting for it puts that read before the thread's, so
  // live updates replay whatever changes after this page's data, without a second cursor read.
  await parent();
  // Related threads are asked for alongside (for a thread the viewer may not see, none come back),
  // and the charter's clauses only while a post is being flagged: the flag form is rendered for
  // that post alone.
  const [found, related, clauses] = await Promise.all([
    locals.api.get<ThreadDetail>(`/threads/${id}`),
    locals.user ? loadSuggestedThreads(locals.api, `/threads/${id}/related`, RELATED_SHOWN) : [],
    flagging ? charterClauses(locals.api) : [],
  ]);
  // Threads are for signed-in colleagues: visitors sign in first, then come back here.
  if (!found.ok && found.status === 401) redirect(303, signInThenBackTo(url));
  const { thread, posts, thanks, viewer } = dataOrError(found);
  return {
    detail: {
      thread: toThreadView(thread),
      posts: posts.map((post) => toPostView(post, !isDataRequest)),
      thanks,
      viewer,
    },
    flagging,
    clauses,
    related,
  };
};

interface Failure {
  action: string;
  postId: number | null;
  message: string;
  errors: FieldErrors;
  values: Record<string, string>;
  /** Posting was refused until the charter is accepted: the form links to it. */
  charterLink?: boolean;
}

function failure(status: number, failed: Partial<Failure> & Pick<Failure, 'action' | 'message'>) {
  return fail(status, { postId: null, errors: {}, values: {}, ...failed } satisfies Failure);
}

type Event = RequestEvent<{ id: string }>;

/** Reads the form of a signed-in person (visitors go to sign-in first). */
async function formOf(event: Event): Promise<{ threadId: number; form: FormData }> {
  const threadId = threadIdOf(event.params.id);
  if (!event.locals.user)
    redirect(303, signInThenBackTo(new URL(paths.thread(threadId), event.url)));
  return { threadId, form: await event.request.formData() };
}

function postIdOf(form: FormData): number | null {
  const id = Number(textField(form, 'postId'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** After a write: back to the post it concerns, or the failure next to it. */
function backTo(
  event: Event,
  result: ApiResult<unknown>,
  threadId: number,
  postId: number | null,
  action: string,
) {
  if (!result.ok) {
    const message = event.locals.i18n.error(result.error.code, result.error.message);
    return failure(result.status, { action, postId, message });
  }
  redirect(303, postId ? paths.post(threadId, postId) : paths.thread(threadId));
}

export const actions: Actions = {
  vote: async (event) => {
    const { threadId, form } = await formOf(event);
    const vote = parseVote(textField(form, 'vote'));
    if (!vote) {
      return failure(400, { action: 'vote', message: event.locals.i18n.t('form.invalid') });
    }
    const result = await event.locals.api.put(`/posts/${vote.postId}/vote`, { value: vote.value });
    return backTo(event, result, threadId, vote.postId, 'vote');
  },

  accept: async (event) => {
    const { threadId, form } = await formOf(event);
    const postId = postIdOf(form);
    if (!postId) {
      return failure(400, { action: 'accept', message: event.locals.i18n.t('form.invalid') });
    }
    const result = await event.locals.api.put(`/threads/${threadId}/accepted`, { postId });
    return backTo(event, result, threadId, postId, 'accept');
  },

  unaccept: async (event) => {
    const { threadId, form } = await formOf(event);
    const result = await event.locals.api.delete(`/threads/${threadId}/accepted`);
    return backTo(event, result, threadId, postIdOf(form), 'unaccept');
  },

  thank: async (event) => {
    const { threadId, form } = await formOf(event);
    const postId = postIdOf(form);
    const rating = Number(textField(form, 'rating'));
    const message = textField(form, 'message');
    const values = { rating: textField(form, 'rating'), message };
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      const i18n = event.locals.i18n;
      return failure(400, {
        action: 'thank',
        postId,
        values,
        errors: { rating: i18n.t('thanks.ratingRequired') },
        message: i18n.t('form.fixErrors'),
      });
    }
    const result = await event.locals.api.put(`/threads/${threadId}/thanks`, { rating, message });
    if (!result.ok) {
      const text = event.locals.i18n.error(result.error.code, result.error.message);
      return failure(result.status, { action: 'thank', postId, values, message: text });
    }
    redirect(303, postId ? paths.post(threadId, postId) : paths.thread(threadId));
  },

  reply: async (event) => {
    const { threadId, form } = await formOf(event);
    const body = rawField(form, 'body');
    const i18n = event.locals.i18n;
    if (!body.trim()) {
      return failure(400, {
        action: 'reply',
        values: { body },
        errors: { body: i18n.t('threadPage.bodyRequired') },
        message: i18n.t('form.fixErrors'),
      });
    }
    const result = await event.locals.api.post<Post>(`/threads/${threadId}/posts`, { body });
    if (!result.ok) {
      // The charter refusal names the charter's address as its "field": not a field error.
      const charterLink = result.error.code === 'charter_not_accepted';
      const onBody =
        !charterLink && result.error.fields && Object.keys(result.error.fields).length > 0;
      return failure(result.status, {
        action: 'reply',
        values: { body },
        errors: onBody ? { body: i18n.t('form.invalid') } : {},
        message: onBody ? i18n.t('form.fixErrors') : i18n.error(result.error.code),
        charterLink,
      });
    }
    redirect(303, paths.post(threadId, result.data.id));
  },

  /** Without JavaScript, "Preview" posts the answer here: it comes back typed, with its preview. */
  preview: async (event) => {
    const { form } = await formOf(event);
    const body = rawField(form, 'body');
    const { preview, message } = await previewOf(event.locals.api, body, event.locals.i18n);
    const outcome: Failure & { preview: string | null } = {
      action: 'reply',
      postId: null,
      errors: {},
      values: { body },
      preview,
      message: message ?? '',
    };
    return outcome;
  },

  flag: async (event) => {
    const { threadId, form } = await formOf(event);
    const postId = postIdOf(form);
    const clause = Number(textField(form, 'clause'));
    const i18n = event.locals.i18n;
    if (!postId || !Number.isInteger(clause) || clause < 1) {
      return failure(400, { action: 'flag', postId, message: i18n.t('flag.clauseRequired') });
    }
    const note = textField(form, 'note');
    const result = await event.locals.api.post<FlagResult>(`/posts/${postId}/flags`, {
      clause,
      ...(note ? { note } : {}),
    });
    if (!result.ok) return backTo(event, result, threadId, postId, 'flag');
    const done = i18n.t(result.data.recorded ? 'flag.recorded' : 'flag.repeated');
    const outcome: Failure & { done: string } = {
      action: 'flag',
      postId,
      done,
      message: '',
      errors: {},
      values: {},
    };
    return outcome;
  },

  follow: async (event) => {
    const { threadId } = await formOf(event);
    const result = await event.locals.api.put(`/follows/thread/${threadId}`);
    return backTo(event, result, threadId, null, 'follow');
  },

  unfollow: async (event) => {
    const { threadId } = await formOf(event);
    const result = await event.locals.api.delete(`/follows/thread/${threadId}`);
    return backTo(event, result, threadId, null, 'follow');
  },
};
