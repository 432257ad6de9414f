// The insights as a CSV download: the API's export, fetched with the visitor's session (so the
// same role and private-group rules apply) and handed over as a file.
import { error, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/api';
import { sendToApi } from '$lib/server/transport';
import { signInThenBackTo } from '$lib/paths';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, cookies, getClientAddress }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const query = new URLSearchParams();
  const group = url.searchParams.get('groupe')?.trim();
  const weeks = Number(url.searchParams.get('semaines'));
  if (group) query.set('group', group);
  if (weeks) query.set('weeks', String(weeks));
  const session = cookies.get(SESSION_COOKIE) ?? '';
  const reply = await sendToApi({
    method: 'GET',
    url: `/api/insights/export${query.size > 0 ? `?${query}` : ''}`,
    headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(session)}` },
    clientAddress: getClientAddress(),
  });
  if (reply.status !== 200) {
    const code = apiErrorCode(reply.body);
    error(reply.status, { message: locals.i18n.error(code), code });
  }
  return new Response(reply.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="insights-${group || 'company'}.csv"`,
    },
  });
};

function apiErrorCode(body: string): string {
  try {
    return (JSON.parse(body) as { error: { code: string } }).error.code;
  } catch {
    return 'internal_error';
  }
}
