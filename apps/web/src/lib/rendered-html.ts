// Server-rendered HTML that the browser need not receive twice. A thread page's post bodies are
// in its markup already; its hydration data (hooks.ts's transport) carries only the id of the
// element that holds each one, and the browser reads the body back from there while the page
// hydrates. Data read later by the browser itself (live updates, navigation) carries the HTML.
export class RenderedHtml {
  constructor(
    /** The element whose only content is this HTML. */
    readonly elementId: string,
    readonly html: string,
  ) {}

  /** Svelte's {@html} and string conversion give the HTML itself. */
  toString(): string {
    return this.html;
  }

  /** In the browser, while the page hydrates: what the server rendered into the element. */
  static fromDocument(elementId: string): RenderedHtml {
    const rendered = document.getElementById(elementId)?.innerHTML ?? '';
    return new RenderedHtml(elementId, withoutMarkers(rendered));
  }
}

// Svelte brackets {@html} output with empty comments: they are markup of the page, not of the body.
const MARKER = '<!---->';

function withoutMarkers(html: string): string {
  const start = html.startsWith(MARKER) ? MARKER.length : 0;
  const end = html.endsWith(MARKER) ? html.length - MARKER.length : html.length;
  return html.slice(start, Math.max(start, end));
}
