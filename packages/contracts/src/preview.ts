// Schemas for the markdown preview: the editor's text in, the HTML a post would store out.
import { Type } from 'typebox';
import { PostBody } from './posts.ts';

export const MarkdownPreviewBody = Type.Object({ body: PostBody });
export type MarkdownPreviewBody = Type.Static<typeof MarkdownPreviewBody>;

export const MarkdownPreview = Type.Object({
  /** Sanitised HTML, exactly what the post would show once saved. */
  html: Type.String(),
});
export type MarkdownPreview = Type.Static<typeof MarkdownPreview>;
