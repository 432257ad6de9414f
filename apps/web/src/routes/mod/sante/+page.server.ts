// Queue health: items waiting, the oldest one's age, open appeals, decisions per day per moderator.
import type { QueueHealth } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  health: dataOrError(await locals.api.get<QueueHealth>('/mod/health')),
});
