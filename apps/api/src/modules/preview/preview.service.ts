// Markdown preview: the editor's text rendered by the very pipeline a post goes through on write
// (mentions of existing people linked, then sanitised), so what people preview is what they get.
import type { MarkdownPreview, MarkdownPreviewBody } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { findMentionedUsers, renderPostBody } from '../posts/mentions.ts';

/** Nothing is written: a preview is a read, so it needs no transaction, event or outbox row. */
export async function previewMarkdown(
  db: Database,
  _viewer: Viewer,
  input: MarkdownPreviewBody,
): Promise<MarkdownPreview> {
  const mentioned = await findMentionedUsers(db, input.body);
  return { html: renderPostBody(input.body, mentioned) };
}
