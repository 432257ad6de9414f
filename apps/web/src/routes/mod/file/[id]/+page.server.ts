// One queue item with what a moderator needs to decide: the post in its thread, the author's
// history and past sanctions; claim or release it, then decide (approve, reject with a clause and
// message, edit, hide, lock the thread, warn, suspend for some days).
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Decision, DecisionBody, QueueItemDetail } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { charterClauses } from '$lib/server/moderation';
import { rawField, textField } from '$lib/forms';
import { paths } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const DECISIONS: readonly Decision[] = [
  'approve',
  'reject',
  'edit',
  'hide',
  'lock_thread',
  'warn',
  'suspend',
];

function itemIdOf(param: string): number {
  const id = Number(param);
  if (!/^\d{1,10}$/.test(param) || id < 1 || id > 2147483647) {
    error(404, { message: 'Item not found', code: 'not_found' });
  }
  return id;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = itemIdOf(params.id);
  const item = dataOrError(await locals.api.get<QueueItemDetail>(`/mod/queue/${id}`));
  return { item, clauses: await charterClauses(locals.api) };
};

type Event = RequestEvent<{ id: string }>;

function failed(event: Event, status: number, code: string, apiMessage: string) {
  return fail(status, { message: event.locals.i18n.error(code, apiMessage), values: {} });
}

async function simple(event: Event, action: 'claim' | 'release') {
  const id = itemIdOf(event.params.id);
  const result = await event.locals.api.post(`/mod/queue/${id}/${action}`);
  if (!result.ok) return failed(event, result.status, result.error.code, result.error.message);
  redirect(303, paths.modItem(id));
}

/** The decision form as the API's body; only the fields that decision uses are sent. */
function decisionBodyOf(form: FormData): DecisionBody | null {
  const decision = textField(form, 'decision') as Decision;
  if (!DECISIONS.includes(decision)) return null;
  const body: DecisionBody = { decision };
  const clause = Number(textField(form, 'clause'));
  if (Number.isInteger(clause) && clause > 0) body.clause = clause;
  const message = textField(form, 'message');
  if (message) body.message = message;
  if (decision === 'edit') body.body = rawField(form, 'body');
  if (decision === 'suspend') body.days = Number(textField(form, 'days'));
  return body;
}

export const actions: Actions = {
  claim: (event) => simple(event, 'claim'),
  release: (event) => simple(event, 'release'),
  decide: async (event) => {
    const id = itemIdOf(event.params.id);
    const form = await event.request.formData();
    const values = {
      decision: textField(form, 'decision'),
      clause: textField(form, 'clause'),
      message: textField(form, 'message'),
      body: rawField(form, 'body'),
      days: textField(form, 'days'),
    };
    const body = decisionBodyOf(form);
    if (!body) return fail(400, { message: event.locals.i18n.t('form.invalid'), values });
    const result = await event.locals.api.post(`/mod/queue/${id}/decision`, body);
    if (!result.ok) {
      const message = event.locals.i18n.error(result.error.code, result.error.message);
      return fail(result.status, { message, values });
    }
    redirect(303, `${paths.modItem(id)}?decide=1`);
  },
};
