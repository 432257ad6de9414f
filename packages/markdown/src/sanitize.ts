// Allowlist HTML sanitizer: the last step of rendering, so only known tags, attributes and URL schemes are ever stored.
import { Parser } from 'htmlparser2';
import { escapeHtml } from './escape.ts';

/** Returns the value to emit for an attribute, or null to drop the attribute. */
type AttributeRule = (value: string) => string | null;

interface TagRule {
  attributes: Readonly<Record<string, AttributeRule>>;
  /** The tag is dropped (its text kept) unless this attribute survives its rule. */
  requires?: string;
  /** Attributes set by us whatever the input says. */
  forced?: Readonly<Record<string, string>>;
}

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/**
 * A URL we may emit, or null. Browsers ignore ASCII whitespace and control characters in and
 * around a scheme (`java\tscript:`), so we remove them all first and emit exactly what we
 * checked. Relative URLs must start with `/` (not `//` or `/\`, which browsers read as
 * protocol-relative) or `#`; anything else needs an allowlisted scheme.
 */
export function safeUrl(raw: string, schemes: ReadonlySet<string>): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what we remove
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url.startsWith('#')) return url;
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) ? null : url;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && schemes.has(scheme) ? url : null;
}

const anyText: AttributeRule = (value) => value;
const matching =
  (pattern: RegExp): AttributeRule =>
  (value) =>
    pattern.test(value) ? value : null;
const urlWith =
  (schemes: ReadonlySet<string>): AttributeRule =>
  (value) =>
    safeUrl(value, schemes);
const cellAlign = matching(/^(?:left|center|right)$/);

/** Every tag the renderer produces, and per tag the attributes it may keep. */
const TAGS: Readonly<Record<string, TagRule>> = {
  p: { attributes: {} },
  br: { attributes: {} },
  hr: { attributes: {} },
  h3: { attributes: {} },
  h4: { attributes: {} },
  h5: { attributes: {} },
  h6: { attributes: {} },
  strong: { attributes: {} },
  em: { attributes: {} },
  del: { attributes: {} },
  blockquote: { attributes: {} },
  pre: { attributes: {} },
  code: { attributes: { class: matching(/^language-[\w-]+$/) } },
  ul: { attributes: {} },
  ol: { attributes: { start: matching(/^\d{1,9}$/) } },
  li: { attributes: {} },
  table: { attributes: {} },
  thead: { attributes: {} },
  tbody: { attributes: {} },
  tr: { attributes: {} },
  th: { attributes: { align: cellAlign } },
  td: { attributes: { align: cellAlign } },
  a: {
    attributes: { href: urlWith(LINK_SCHEMES), title: anyText, class: matching(/^mention$/) },
    requires: 'href',
    forced: { rel: 'nofollow noopener ugc' },
  },
  img: {
    attributes: { src: urlWith(IMAGE_SCHEMES), alt: anyText, title: anyText },
    requires: 'src',
  },
};

const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'hr', 'img']);

/** Tags whose content is code or chrome, never text a reader should see. */
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'title',
  'xmp',
  'head',
]);

interface OpenElement {
  name: string;
  emitted: boolean;
}

/** The allowed attributes of an element as ` name="value"` pairs, or null if the element must go. */
function attributesOf(rule: TagRule, attribs: Readonly<Record<string, string>>): string | null {
  const kept: string[] = [];
  let hasRequired = rule.requires === undefined;
  for (const [name, check] of Object.entries(rule.attributes)) {
    const raw = attribs[name];
    const value = raw === undefined ? null : check(raw);
    if (value === null) continue;
    if (name === rule.requires) hasRequired = true;
    kept.push(` ${name}="${escapeHtml(value)}"`);
  }
  for (const [name, value] of Object.entries(rule.forced ?? {})) kept.push(` ${name}="${value}"`);
  return hasRequired ? kept.join('') : null;
}

/** Text to put in place of an element we drop: an image keeps its alt text. */
function fallbackText(name: string, attribs: Readonly<Record<string, string>>): string {
  return name === 'img' && attribs.alt ? escapeHtml(attribs.alt) : '';
}

/**
 * Re-serializes HTML keeping only allowlisted tags and attributes, with every text and
 * attribute value escaped again. Dropped tags keep their text, except script-like tags whose
 * content is dropped too.
 */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: OpenElement[] = [];
  let hiddenDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (DROP_WITH_CONTENT.has(name)) hiddenDepth += 1;
        const rule = TAGS[name];
        const attributes = rule && hiddenDepth === 0 ? attributesOf(rule, attribs) : null;
        const emitted = attributes !== null;
        open.push({ name, emitted });
        if (emitted) out.push(`<${name}${attributes}>`);
        else if (hiddenDepth === 0) out.push(fallbackText(name, attribs));
      },
      onclosetag(name) {
        // htmlparser2 closes elements in order, implied closes included, but when the input
        // ends inside a tag it also closes that tag, whose opening it never reported.
        const element = open.at(-1);
        if (element?.name !== name) return;
        open.pop();
        if (DROP_WITH_CONTENT.has(name)) hiddenDepth -= 1;
        if (element.emitted && !VOID_TAGS.has(name)) out.push(`</${name}>`);
      },
      ontext(text) {
        if (hiddenDepth === 0) out.push(escapeHtml(text.replaceAll('\u0000', '\uFFFD')));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // htmlparser2 leaves elements open when the input ends inside a tag; ours must not leak out.
  for (const element of open.reverse()) {
    if (element.emitted && !VOID_TAGS.has(element.name)) out.push(`</${element.name}>`);
  }
  return out.join('');
}
