// The review queue, oldest first, with its filters (reason, group, rule) and bulk approve/reject.
import { fail } from '@sveltejs/kit';
import type { BulkDecisionResult, QueueList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

const REASONS = ['rule', 'flag', 'trust'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const reason = url.searchParams.get('motif') ?? '';
  const filters = {
    reason: (REASONS as readonly string[]).includes(reason) ? reason : '',
    group: (url.searchParams.get('groupe') ?? '').trim().slice(0, 64),
    rule: (url.searchParams.get('regle') ?? '').trim().slice(0, 40),
  };
  const queue = dataOrError(await locals.api.get<QueueList>('/mod/queue', filters));
  return { queue, filters };
};

export const actions: Actions = {
  bulk: async ({ locals, request }) => {
    const form = await request.formData();
    const itemIds = form
      .getAll('itemIds')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0);
    const decision = textField(form, 'decision');
    if (itemIds.length === 0 || !['approve', 'reject'].includes(decision)) {
      return fail(400, { message: locals.i18n.t('mod.noneSelected'), done: null });
    }
    const result = await locals.api.post<BulkDecisionResult>('/mod/queue/bulk', {
      itemIds,
      decision,
    });
    if (!result.ok) {
      return fail(result.status, {
        message: locals.i18n.error(result.error.code, result.error.message),
        done: null,
      });
    }
    const done = locals.i18n.t('mod.bulkDone', {
      decided: result.data.decided.length,
      skipped: result.data.skipped.length,
    });
    return { message: null, done };
  },
};
