// Stack Exchange bodies are HTML; Serendip stores markdown and renders it itself. This turns the
// dump's HTML into markdown (the stored source), which our own pipeline then renders and sanitizes.
import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
  hr: '---',
});
// Markup our renderer would escape as text anyway: keep its content, drop the tags.
turndown.remove(['script', 'style']);
turndown.addRule('strikethrough', {
  filter: ['del', 's', 'strike'],
  replacement: (content) => `~~${content}~~`,
});

export function htmlToMarkdown(html: string): string {
  if (html.trim() === '') return '';
  return turndown.turndown(html).trim();
}
