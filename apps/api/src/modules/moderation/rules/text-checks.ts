// The rules that look at the shape of a text rather than its words: links, mentions, shouting.

// Raw URLs, www. addresses and markdown links or images.
const LINK = /\bhttps?:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|\]\([^)\s]+\)/giu;
// @handle at a word start (not an e-mail address), as the markdown package recognises mentions.
const MENTION = /(?<![\p{L}\p{N}_.@-])@[A-Za-z0-9_][A-Za-z0-9_.-]*/gu;
// Code is quoted material: a log line in capitals is not shouting, nor a URL in it a link.
const CODE = /```[\s\S]*?```|`[^`\n]*`/g;

export function withoutCode(text: string): string {
  return text.replace(CODE, ' ');
}

export function countLinks(text: string): number {
  const urls = new Set<string>();
  for (const match of withoutCode(text).matchAll(LINK)) urls.add(match[0]);
  return urls.size;
}

export function countMentions(text: string): number {
  const handles = new Set<string>();
  for (const match of withoutCode(text).matchAll(MENTION)) handles.add(match[0].toLowerCase());
  return handles.size;
}

/** Share of upper-case letters among the letters outside code and links; 0 for short texts. */
export function uppercaseRatio(text: string, minLetters: number): number {
  const prose = withoutCode(text).replace(LINK, ' ');
  let letters = 0;
  let upper = 0;
  for (let index = 0; index < prose.length; index++) {
    const code = prose.charCodeAt(index);
    if (code >= 65 && code <= 90) upper++;
    else if (code < 97 || (code > 122 && code < 128))
      continue; // ASCII, not a letter
    else if (code >= 128) {
      // Beyond ASCII, a cased letter is one that changes with case ("É", "é"); others are not.
      const char = prose[index]!;
      const lower = char.toLowerCase();
      if (char !== lower) upper++;
      else if (char === char.toUpperCase()) continue;
    }
    letters++;
  }
  return letters < minLetters ? 0 : upper / letters;
}
