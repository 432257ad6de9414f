// Rules configuration (staff): the pre-moderation and flag settings, each rule's clause, action,
// message and parameters, a new rule, and the dry-run box that shows what a sample text triggers.
import { fail, redirect } from '@sveltejs/kit';
import type { DryRunResult, ModerationSettings, RuleBody, RuleList } from '@serendip/contracts';
import type { ApiResult } from '$lib/api';
import { dataOrError } from '$lib/api';
import { rawField, textField } from '$lib/forms';
import { paths } from '$lib/paths';
import { charterClauses } from '$lib/server/moderation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [rules, settings] = await Promise.all([
    locals.api.get<RuleList>('/mod/rules'),
    locals.api.get<ModerationSettings>('/mod/settings'),
  ]);
  return {
    rules: dataOrError(rules),
    settings: dataOrError(settings),
    clauses: await charterClauses(locals.api),
  };
};

type Failure = { form: string; ruleId: number | null; message: string };

function failure(
  event: RequestEvent,
  result: ApiResult<unknown>,
  form: string,
  ruleId = null as number | null,
) {
  const message = result.ok
    ? ''
    : event.locals.i18n.error(result.error.code, result.error.message) +
      (result.error.fields ? ` (${Object.keys(result.error.fields).join(', ')})` : '');
  return fail(result.status, { form, ruleId, message } satisfies Failure);
}

/** A rule form as the API's body; null when its parameters are not valid JSON. */
function ruleBodyOf(form: FormData): RuleBody | null {
  let params: unknown;
  try {
    params = JSON.parse(rawField(form, 'params') || '{}');
  } catch {
    return null;
  }
  // The API checks kind, params, clause and action against its schema (a 400 names the field).
  return {
    kind: textField(form, 'kind'),
    params,
    clause: Number(textField(form, 'clause')),
    action: textField(form, 'action'),
    message: textField(form, 'message'),
    enabled: form.get('enabled') === 'on',
  } as RuleBody;
}

function invalidParams(event: RequestEvent, form: string, ruleId: number | null) {
  return fail(400, { form, ruleId, message: event.locals.i18n.t('mod.paramsInvalid') });
}

export const actions: Actions = {
  settings: async (event) => {
    const form = await event.request.formData();
    const body = {
      premoderatedPosts: Number(textField(form, 'premoderatedPosts')),
      flagHideThreshold: Number(textField(form, 'flagHideThreshold')),
    };
    const result = await event.locals.api.put('/mod/settings', body);
    if (!result.ok) return failure(event, result, 'settings');
    redirect(303, `${paths.modRules}?enregistre=reglages`);
  },

  create: async (event) => {
    const body = ruleBodyOf(await event.request.formData());
    if (!body) return invalidParams(event, 'create', null);
    const result = await event.locals.api.post('/mod/rules', body);
    if (!result.ok) return failure(event, result, 'create');
    redirect(303, `${paths.modRules}?enregistre=regle`);
  },

  update: async (event) => {
    const form = await event.request.formData();
    const id = Number(textField(form, 'ruleId'));
    const body = ruleBodyOf(form);
    if (!body) return invalidParams(event, 'update', id);
    const result = await event.locals.api.put(`/mod/rules/${id}`, body);
    if (!result.ok) return failure(event, result, 'update', id);
    redirect(303, `${paths.modRules}?enregistre=regle`);
  },

  remove: async (event) => {
    const id = Number(textField(await event.request.formData(), 'ruleId'));
    const result = await event.locals.api.delete(`/mod/rules/${id}`);
    if (!result.ok) return failure(event, result, 'update', id);
    redirect(303, `${paths.modRules}?enregistre=suppression`);
  },

  dryRun: async (event) => {
    const form = await event.request.formData();
    const text = rawField(form, 'text');
    const trustLevel = Number(textField(form, 'trustLevel') || '0');
    const result = await event.locals.api.post<DryRunResult>('/mod/rules/dry-run', {
      text,
      trustLevel,
    });
    if (!result.ok) return failure(event, result, 'dryRun');
    return { form: 'dryRun', ruleId: null, message: '', dryRun: result.data, text, trustLevel };
  },
};
