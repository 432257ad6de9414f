import { describe, expect, it } from 'vitest';
import { highlightPieces } from './highlight.ts';

describe('highlightPieces', () => {
  it('splits the marked words from the rest', () => {
    expect(highlightPieces('Le <mark>café</mark> du matin')).toEqual([
      { text: 'Le ', marked: false },
      { text: 'café', marked: true },
      { text: ' du matin', marked: false },
    ]);
  });

  it('gives back escaped user text as text, never as markup', () => {
    const pieces = highlightPieces(
      '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>bière</mark>',
    );
    expect(pieces).toEqual([
      { text: "<script>alert('x')</script> & ", marked: false },
      { text: 'bière', marked: true },
    ]);
  });

  it('keeps any other tag as literal text', () => {
    expect(highlightPieces('<b>gras</b> &eacute;')).toEqual([
      { text: '<b>gras</b> &eacute;', marked: false },
    ]);
  });

  it('gives nothing for an empty highlight', () => {
    expect(highlightPieces('')).toEqual([]);
  });
});
