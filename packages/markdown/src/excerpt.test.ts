// Plain-text excerpts of rendered HTML.
import { describe, expect, it } from 'vitest';
import { excerpt, renderMarkdown } from './index.ts';

describe('excerpt', () => {
  it('drops tags, decodes entities and collapses whitespace', () => {
    expect(excerpt('<p>Fish &amp; <strong>chips</strong>\n  &lt;b&gt;</p>')).toBe(
      'Fish & chips <b>',
    );
  });

  it('separates words across block boundaries but not inside inline tags', () => {
    expect(excerpt('<p>one</p><p>two<br>three</p><ul><li>four</li></ul>')).toBe(
      'one two three four',
    );
    expect(excerpt('<p>un<em>believ</em>able</p>')).toBe('unbelievable');
  });

  it('returns short text unchanged', () => {
    expect(excerpt('<p>short</p>', 5)).toBe('short');
  });

  it('cuts long text on a word boundary and ends with an ellipsis, within maxLength', () => {
    const text = excerpt('<p>the quick brown fox jumps</p>', 16);
    expect(text).toBe('the quick brown…');
    expect(text.length).toBeLessThanOrEqual(16);
  });

  it('keeps the last whole word when the cut falls right after it', () => {
    expect(excerpt('<p>aaaa bbbb cccc</p>', 10)).toBe('aaaa bbbb…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(excerpt('<p>first, second third</p>', 13)).toBe('first…');
  });

  it('cuts inside a word when the first word alone is too long', () => {
    expect(excerpt(`<p>${'x'.repeat(50)} y</p>`, 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    expect(excerpt(`<p>${'😀'.repeat(10)}</p>`, 6)).toBe('😀😀…');
  });

  it('defaults to 200 characters', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const text = excerpt(`<p>${words}</p>`);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('…')).toBe(true);
  });

  it('works on rendered markdown, code included', () => {
    expect(excerpt(renderMarkdown('# Title\n\nSome `code` and\n\n```\nblock\n```'))).toBe(
      'Title Some code and block',
    );
  });

  it('returns an empty string for empty HTML or a zero length', () => {
    expect(excerpt('')).toBe('');
    expect(excerpt('<p>text</p>', 0)).toBe('');
  });
});
