// The no-JavaScript markdown preview of a form action: the body rendered by the API's post pipeline,
// or a message saying why there is none.
import type { MarkdownPreview } from '@serendip/contracts';
import type { ApiClient } from '$lib/api';
import type { Translator } from '$lib/i18n';

export interface PreviewOutcome {
  preview: string | null;
  message: string | null;
}

export async function previewOf(
  api: ApiClient,
  body: string,
  i18n: Translator,
): Promise<PreviewOutcome> {
  if (!body.trim()) return { preview: null, message: i18n.t('editor.previewEmpty') };
  const result = await api.post<MarkdownPreview>('/markdown/preview', { body });
  if (result.ok) return { preview: result.data.html, message: null };
  return { preview: null, message: i18n.error(result.error.code, result.error.message) };
}
