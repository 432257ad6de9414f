// Markdown to safe HTML, rendered once on write. (Placeholder implementation: the real pipeline
// with marked and the allowlist sanitizer replaces it; the signatures are the contract.)
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface RenderOptions {
  /** Lower-cased handles that exist: only these @mentions become profile links. */
  mentions?: ReadonlySet<string>;
}

export function renderMarkdown(source: string, _options: RenderOptions = {}): string {
  return `<p>${escapeHtml(source)}</p>`;
}

/** Handles mentioned as @handle outside code, unique, lower-cased, in order of appearance. */
export function extractMentions(source: string): string[] {
  return [
    ...new Set(
      [...source.matchAll(/(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_])/g)].map((m) =>
        m[1]!.toLowerCase(),
      ),
    ),
  ];
}

/** Plain-text excerpt of rendered HTML for lists and notifications, cut on a word boundary. */
export function excerpt(html: string, maxLength = 200): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= maxLength
    ? text
    : `${text.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…`;
}
