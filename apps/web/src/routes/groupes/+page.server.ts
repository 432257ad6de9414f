// Groups directory: every group the viewer can see, filtered by kind (?type=), paged by cursor
// (?apres=), with a "join" form action that works without JavaScript.
import { fail, redirect } from '@sveltejs/kit';
import type { GroupKind, GroupList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import { signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const KINDS: readonly GroupKind[] = ['professional', 'hobby'];

function kindOf(value: string | null): GroupKind | undefined {
  return KINDS.find((kind) => kind === value);
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const kind = kindOf(url.searchParams.get('type'));
  const cursor = url.searchParams.get('apres') ?? undefined;
  const groups = dataOrError(
    await locals.api.get<GroupList>('/groups', { kind, cursor, limit: 24 }),
  );
  return { groups: groups.items, nextCursor: groups.nextCursor, kind: kind ?? '' };
};

export const actions: Actions = {
  join: async ({ request, locals, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const form = await request.formData();
    const slug = textField(form, 'slug');
    const name = textField(form, 'name') || slug;
    const result = await locals.api.post(`/groups/${encodeURIComponent(slug)}/join`);
    if (!result.ok && result.error.code !== 'already_member') {
      return fail(result.status, {
        slug,
        message: locals.i18n.error(result.error.code, result.error.message),
      });
    }
    return { slug, joined: locals.i18n.t('groups.joined', { name }) };
  },
};
