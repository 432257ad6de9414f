// Markdown to safe HTML: marked (GitHub flavour, raw HTML escaped) followed by the allowlist sanitizer.
import { Marked } from 'marked';
import { escapeHtml } from './escape.ts';
import { linkMentions, mentionRenderer } from './mentions.ts';
import { sanitizeHtml } from './sanitize.ts';

export interface RenderOptions {
  /** Lower-cased handles that exist: only these @mentions become profile links. */
  mentions?: ReadonlySet<string>;
}

/** Page headings use h1 and h2, so user headings start at h3 (h1 -> h3, ..., h4-h6 -> h6). */
const HEADING_OFFSET = 2;

// A dedicated instance, so nothing else in the process can change how posts are rendered.
const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  // Raw HTML is not markdown here: without these tokenizers it is lexed as text, then escaped.
  tokenizer: {
    html: () => undefined,
    tag: () => undefined,
  },
  renderer: {
    // Unreachable with the tokenizers above; kept so raw HTML can never pass through.
    html: ({ text }) => escapeHtml(text),
    heading({ tokens, depth }) {
      const level = Math.min(depth + HEADING_OFFSET, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    // Task-list boxes as characters: no form elements in posts.
    checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
  },
  extensions: [mentionRenderer],
});

const NO_MENTIONS: ReadonlySet<string> = new Set();

/** Renders user markdown to sanitized HTML, ready to store and serve as is. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  try {
    const tokens = markdown.lexer(source);
    linkMentions(tokens, options.mentions ?? NO_MENTIONS);
    return sanitizeHtml(markdown.parser(tokens));
  } catch {
    // marked throws on its own failures (a stack overflow on thousands of nested quotes, its
    // infinite-loop guard); the post must still save, so it is shown as escaped plain text.
    return plainTextHtml(source);
  }
}

function plainTextHtml(source: string): string {
  return source
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>\n`)
    .join('');
}

/** Handles mentioned as @handle outside code and links: unique, lower-cased, in order of appearance. */
export function extractMentions(source: string): string[] {
  try {
    const tokens = markdown.lexer(source);
    const found = linkMentions(tokens, NO_MENTIONS);
    return [...new Set(found.map((mention) => mention.handle.toLowerCase()))];
  } catch {
    return []; // see renderMarkdown: such a post renders as plain text, with no mention links
  }
}
