// The API's highlight fields are HTML: the text escaped, matches wrapped in <mark>. Rather than
// trusting that markup with {@html}, pages split it into plain text pieces and render <mark>
// themselves, so whatever the field holds can never become markup other than <mark>.

export interface HighlightPiece {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Undoes exactly the escaping the API applies; any other "&...;" stays as typed. */
function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The pieces of a highlight: text outside and inside <mark> … </mark>, in order. */
export function highlightPieces(html: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) pieces.push({ text: unescape(part), marked });
  }
  return pieces;
}
