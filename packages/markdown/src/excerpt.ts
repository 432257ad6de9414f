// Plain-text excerpts of rendered HTML for lists, search results and notifications.
import { Parser } from 'htmlparser2';

/** Tags that separate words: their edges become spaces in the text. */
const BREAKING_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const HIDDEN_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'title']);
const ELLIPSIS = '…';

/** The text of an HTML fragment, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (HIDDEN_TAGS.has(name)) hiddenDepth += 1;
      if (BREAKING_TAGS.has(name)) parts.push(' ');
    },
    onclosetag(name) {
      // An input ending inside `<script` closes a script that was never opened.
      if (HIDDEN_TAGS.has(name) && hiddenDepth > 0) hiddenDepth -= 1;
      if (BREAKING_TAGS.has(name)) parts.push(' ');
    },
    ontext(text) {
      if (hiddenDepth === 0) parts.push(text);
    },
  });
  parser.end(html);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Plain text (the caller escapes it) of at most maxLength characters. A longer text is cut at
 * the last word boundary, or mid-word when that would lose more than half, and ends with "…".
 */
export function excerpt(html: string, maxLength = 200): string {
  const text = htmlToText(html);
  if (text.length <= maxLength) return text;
  if (maxLength < 1) return '';
  const room = maxLength - ELLIPSIS.length;
  // One character more than fits: a space there means the cut falls between words.
  const lastSpace = text.slice(0, room + 1).lastIndexOf(' ');
  const head =
    lastSpace >= room / 2 ? text.slice(0, lastSpace) : withoutBrokenPair(text.slice(0, room));
  return `${head.replace(/[\s,;:.\-–—]+$/u, '')}${ELLIPSIS}`;
}

/** Drops a lone high surrogate left by cutting inside an astral character. */
function withoutBrokenPair(text: string): string {
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}
