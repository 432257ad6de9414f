// @mentions: which ones link to a profile, and which handles extractMentions reports.
import { describe, expect, it } from 'vitest';
import { extractMentions, renderMarkdown } from './index.ts';

const REL = 'rel="nofollow noopener ugc"';
const link = (handle: string, shown = handle) =>
  `<a href="/u/${handle}" class="mention" ${REL}>@${shown}</a>`;
const render = (source: string, known: string[] = ['bob', 'alice.b', 'x_y-z']) =>
  renderMarkdown(source, { mentions: new Set(known) }).trim();

describe('mentions in renderMarkdown', () => {
  it('links a mention of a known handle', () => {
    expect(render('hi @bob!')).toBe(`<p>hi ${link('bob')}!</p>`);
  });

  it('matches handles case-insensitively, shows them as typed, links the lower-cased handle', () => {
    expect(render('@BoB')).toBe(`<p>${link('bob', 'BoB')}</p>`);
  });

  it('leaves unknown handles as plain text', () => {
    expect(render('hi @carol')).toBe('<p>hi @carol</p>');
  });

  it('links nothing when no mentions option is given', () => {
    expect(renderMarkdown('hi @bob').trim()).toBe('<p>hi @bob</p>');
  });

  it('keeps dots, dashes and underscores inside a handle but not trailing dots or dashes', () => {
    expect(render('@alice.b. and @x_y-z- ok')).toBe(
      `<p>${link('alice.b')}. and ${link('x_y-z')}- ok</p>`,
    );
  });

  it('ignores an @ preceded by a word character (e-mail addresses, x@bob)', () => {
    expect(render('x@bob and bob@example.com')).toBe(
      `<p>x@bob and <a href="mailto:bob@example.com" ${REL}>bob@example.com</a></p>`,
    );
  });

  it('links mentions in emphasis, headings, lists, quotes and tables', () => {
    expect(render('*@bob*')).toBe(`<p><em>${link('bob')}</em></p>`);
    expect(render('# @bob')).toBe(`<h3>${link('bob')}</h3>`);
    expect(render('- @bob')).toBe(`<ul>\n<li>${link('bob')}</li>\n</ul>`);
    expect(render('> @bob')).toBe(`<blockquote>\n<p>${link('bob')}</p>\n</blockquote>`);
    expect(render('| @bob |\n|---|\n| x |')).toContain(`<th>${link('bob')}</th>`);
  });

  it('leaves mentions in code spans and code blocks alone', () => {
    expect(render('`@bob`')).toBe('<p><code>@bob</code></p>');
    expect(render('```\n@bob\n```')).toBe('<pre><code>@bob\n</code></pre>');
    expect(render('    @bob')).toBe('<pre><code>@bob\n</code></pre>');
  });

  it('leaves mentions in link text, image alt text and URLs alone', () => {
    expect(render('[@bob](/somewhere)')).toBe(`<p><a href="/somewhere" ${REL}>@bob</a></p>`);
    expect(render('![@bob](https://i.example/a.png)')).toBe(
      '<p><img src="https://i.example/a.png" alt="@bob"></p>',
    );
    expect(render('https://x.example/@bob')).toBe(
      `<p><a href="https://x.example/@bob" ${REL}>https://x.example/@bob</a></p>`,
    );
  });

  it('leaves an escaped \\@bob as text', () => {
    expect(render('\\@bob')).toBe('<p>@bob</p>');
  });
});

describe('extractMentions', () => {
  it('returns unique lower-cased handles in order of appearance', () => {
    expect(extractMentions('@Bob, @alice and @BOB again; @carol.')).toEqual([
      'bob',
      'alice',
      'carol',
    ]);
  });

  it('ignores code spans, code blocks, links, images and e-mail addresses', () => {
    const source = [
      '`@code` and [@linked](/x) and ![@alt](https://i.example/a.png)',
      '```',
      '@fenced',
      '```',
      '',
      '    @indented',
      '',
      'mail bob@example.com, then @real',
    ].join('\n');
    expect(extractMentions(source)).toEqual(['real']);
  });

  it('trims trailing dots and dashes from handles', () => {
    expect(extractMentions('thanks @dan.- and @e-v.a...')).toEqual(['dan', 'e-v.a']);
  });

  it('returns nothing when there are no mentions', () => {
    expect(extractMentions('no one @ all, a@b')).toEqual([]);
  });
});
