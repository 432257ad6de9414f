// Text helpers shared by the engines: folding accents and case, splitting words, guessing a
// document's language, and turning engine highlights into safe HTML.
import type { SearchLanguage } from './engine.ts';

/** "Bière Brassée" -> "biere brassee". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Folded words of letters and digits, in order, duplicates kept. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const FRENCH_MARKERS = new Set(
  'le la les des du un une est et pour que qui dans avec sur pas ce cette sont mais ou au aux nous vous je il elle comment quel quelle quels faire faut peut tres'.split(
    ' ',
  ),
);
const ENGLISH_MARKERS = new Set(
  'the and is are to of in for with on what how why which this that it you we not can do does my from be have has an'.split(
    ' ',
  ),
);

/** Counts common function words of each language; French wins ties only when accents appear. */
export function detectLanguage(text: string): SearchLanguage {
  let french = 0;
  let english = 0;
  for (const word of wordsOf(text.slice(0, 4000))) {
    if (FRENCH_MARKERS.has(word)) french += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (french !== english) return french > english ? 'french' : 'english';
  return /[àâçéèêëîïôûùüÿœ]/i.test(text) ? 'french' : 'english';
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Control characters no user text holds, used by engines to mark matches before escaping. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Escapes the text, then turns the engine's match markers into <mark> elements. */
export function markedHtml(text: string): string {
  return escapeHtml(text).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** Removes the characters used as match markers from indexed text. */
export function withoutMarkers(text: string): string {
  return text.replaceAll(MARK_START, ' ').replaceAll(MARK_END, ' ');
}
