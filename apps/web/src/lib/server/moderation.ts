// Server helpers shared by the moderation pages.
import type { Charter } from '@serendip/contracts';
import type { ApiClient } from '$lib/api';

/** The current charter's clauses, for the clause choosers (none before a charter exists). */
export async function charterClauses(api: ApiClient): Promise<Charter['clauses']> {
  const found = await api.get<Charter>('/charter');
  return found.ok ? found.data.clauses : [];
}
