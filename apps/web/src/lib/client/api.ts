// What the browser asks the API directly (same origin: /api is the API in every deployment):
// tag suggestions, markdown previews, search-as-you-type and "already asked?". Pages still work without these, so every failure here
// resolves to null or a status rather than throwing.
import type {
  MarkdownPreview,
  Suggestions,
  SuggestItem,
  TagList,
  TagUsage,
} from '@serendip/contracts';

/** Tags starting with what is typed, most used first; [] when the API cannot answer. */
export async function fetchTagSuggestions(
  prefix: string,
  signal: AbortSignal,
  limit = 8,
): Promise<TagUsage[]> {
  const query = new URLSearchParams({ prefix, limit: String(limit) });
  try {
    const reply = await fetch(`/api/tags?${query}`, {
      headers: { accept: 'application/json' },
      signal,
    });
    if (!reply.ok) return [];
    return ((await reply.json()) as TagList).items;
  } catch {
    return [];
  }
}

export type PreviewResult =
  { ok: true; html: string } | { ok: false; reason: 'rate_limited' | 'failed' | 'aborted' };

/** The HTML a post with this markdown would show, rendered by the server's own pipeline. */
export async function fetchPreview(
  body: string,
  csrfToken: string | null,
  signal: AbortSignal,
): Promise<PreviewResult> {
  try {
    const reply = await fetch('/api/markdown/preview', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: JSON.stringify({ body }),
      signal,
    });
    if (reply.status === 429) return { ok: false, reason: 'rate_limited' };
    if (!reply.ok) return { ok: false, reason: 'failed' };
    return { ok: true, html: ((await reply.json()) as MarkdownPreview).html };
  } catch {
    return { ok: false, reason: signal.aborted ? 'aborted' : 'failed' };
  }
}

/** Search-as-you-type: a few threads, groups, people and tags; null when the API cannot answer. */
export async function fetchSearchSuggestions(
  q: string,
  signal: AbortSignal,
): Promise<Suggestions | null> {
  try {
    const reply = await fetch(`/api/search/suggest?${new URLSearchParams({ q, limit: '4' })}`, {
      headers: { accept: 'application/json' },
      signal,
    });
    return reply.ok ? ((await reply.json()) as Suggestions) : null;
  } catch {
    return null;
  }
}

/** Threads like a question title being typed; [] when the API cannot answer. */
export async function fetchSimilarQuestions(
  title: string,
  signal: AbortSignal,
): Promise<SuggestItem[]> {
  try {
    const query = new URLSearchParams({ title, limit: '5' });
    const reply = await fetch(`/api/search/similar-questions?${query}`, {
      headers: { accept: 'application/json' },
      signal,
    });
    return reply.ok ? ((await reply.json()) as { items: SuggestItem[] }).items : [];
  } catch {
    return [];
  }
}
