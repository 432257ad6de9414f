// Threads the API suggests to a person (GET /api/questions-to-answer, GET /api/discover,
// GET /api/threads/:id/related): each with its group and a one-line reason. If one of these fails,
// the page simply shows no such section rather than an error.
import type { ApiClient } from '$lib/api';

export interface SuggestedThread {
  id: number;
  title: string;
  group: { slug: string; name: string };
  reason: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Keeps the items that have what the page shows; anything else is left out, never a 500. */
function suggestedThreadOf(item: unknown): SuggestedThread | null {
  if (!isObject(item) || !isObject(item.group)) return null;
  const { id, title, group, reason } = item as {
    id: unknown;
    title: unknown;
    group: Record<string, unknown>;
    reason: unknown;
  };
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) return null;
  if (typeof title !== 'string' || typeof group.slug !== 'string') return null;
  if (typeof group.name !== 'string') return null;
  return {
    id,
    title,
    group: { slug: group.slug, name: group.name },
    reason: typeof reason === 'string' && reason.trim() ? reason : null,
  };
}

/** The usable items of an answer `{ items: [...] }`, at most `limit` of them. */
export function suggestedThreadsOf(data: unknown, limit: number): SuggestedThread[] {
  if (!isObject(data) || !Array.isArray(data.items)) return [];
  return data.items
    .map(suggestedThreadOf)
    .filter((item): item is SuggestedThread => item !== null)
    .slice(0, limit);
}

export async function loadSuggestedThreads(
  api: ApiClient,
  path: '/questions-to-answer' | '/discover' | `/threads/${number}/related`,
  limit: number,
): Promise<SuggestedThread[]> {
  const result = await api.get<unknown>(path, { limit });
  return result.ok ? suggestedThreadsOf(result.data, limit) : [];
}
