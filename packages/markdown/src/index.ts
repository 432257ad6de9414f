// Markdown to safe HTML, rendered once on write, plus mention extraction and plain-text excerpts.
export { renderMarkdown, extractMentions, type RenderOptions } from './render.ts';
export { excerpt } from './excerpt.ts';
export { sanitizeHtml } from './sanitize.ts';
