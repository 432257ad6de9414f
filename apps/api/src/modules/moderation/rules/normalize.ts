// Text normalisation shared by the rules: accents and case folded, look-alike digits and symbols
// read as the letters they imitate, and letters spelled one by one ("c.o.n") joined into words.

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

// Cyrillic and Greek letters drawn like Latin ones: "соn" typed with a Cyrillic "с" and "о".
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const HOMOGLYPH = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');

/** Lower case, without accents or ligatures: "Élève Œuvre" -> "eleve oeuvre". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (char) => LIGATURES[char]!)
    .replace(HOMOGLYPH, (char) => HOMOGLYPHS[char]!);
}

/**
 * One word as the matcher compares it: look-alikes read as letters when the word has letters
 * ("c0n" -> "con", but "2024" stays digits), and repeated letters squeezed ("connnnard" ->
 * "conard") so stretching a word does not hide it. Terms go through the same function, so
 * "connard" is stored as "conard" too. Expects folded text (see foldAccents).
 */
export function wordKey(token: string): string {
  let start = 0;
  while (start < token.length && (token[start] === '@' || token[start] === '$')) start++;
  let hasLetter = false;
  for (let index = start; index < token.length; index++) {
    if (!(token[index]! in LEET)) {
      hasLetter = true;
      break;
    }
  }
  let key = '';
  let previous = '';
  for (let index = start; index < token.length; index++) {
    const raw = token[index]!;
    const char = hasLetter ? (LEET[raw] ?? raw) : raw;
    if (char !== previous) key += char;
    previous = char;
  }
  return key;
}

const WORD_CHAR = /^[\p{L}\p{N}@$]/u;
const GAP_CHARS = new Set([..." \t.-_*'’·|/\\+~"]);

/**
 * Each UTF-16 code unit folded once (accents off, lower case, ligatures, look-alikes) and kept:
 * judging a post then costs one table read per character instead of Unicode normalisation.
 * '' for combining marks (they vanish), null for characters that separate words.
 */
const foldedChars: (string | null | undefined)[] = [];

function foldedChar(code: number): string | null {
  let folded = foldedChars[code];
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const text = isSurrogate ? char : foldAccents(char);
    folded = isSurrogate || (text !== '' && !WORD_CHAR.test(text)) ? null : text;
    foldedChars[code] = folded;
  }
  return folded;
}

/**
 * The words of a text, in order, as keys for the matcher. Runs of single characters separated by
 * short gaps ("c.o.n", "c o n") become one word, so spelling a word out does not hide it; a word
 * that merely contains a term ("conseil") stays a different word. One pass over the characters:
 * this runs on every post and on the author's recent posts.
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let spelled = '';
  let gap = 0;
  let gapIsSpelling = true;
  let token = '';
  const endToken = () => {
    if (token.length === 1 && (spelled === '' || (gapIsSpelling && gap <= 3))) {
      spelled += token;
    } else {
      if (spelled !== '') words.push(wordKey(spelled));
      spelled = '';
      if (token.length === 1) spelled = token;
      else words.push(wordKey(token));
    }
    token = '';
    gap = 0;
    gapIsSpelling = true;
  };
  for (let index = 0; index < text.length; index++) {
    const folded = foldedChar(text.charCodeAt(index));
    if (folded !== null) {
      token += folded;
      continue;
    }
    if (token !== '') endToken();
    gap++;
    if (!GAP_CHARS.has(text[index]!)) gapIsSpelling = false;
  }
  if (token !== '') endToken();
  if (spelled !== '') words.push(wordKey(spelled));
  return words;
}

/** A text reduced for "same text again" comparisons: folded, words only, single spaces. */
export function comparableText(text: string): string {
  return wordsOf(text).join(' ');
}
