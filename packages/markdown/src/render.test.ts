// Markdown features: what users type and the HTML they get.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

const render = (source: string) => renderMarkdown(source).trim();
const REL = 'rel="nofollow noopener ugc"';

describe('renderMarkdown', () => {
  it('renders paragraphs', () => {
    expect(render('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>');
  });

  it('turns single line breaks into <br> (breaks: true)', () => {
    expect(render('line one\nline two')).toBe('<p>line one<br>line two</p>');
  });

  it('renders emphasis, strong and strikethrough', () => {
    expect(render('*em* **strong** ~~gone~~')).toBe(
      '<p><em>em</em> <strong>strong</strong> <del>gone</del></p>',
    );
  });

  it('renders code spans with their content escaped', () => {
    expect(render('use `a < b && c`')).toBe('<p>use <code>a &lt; b &amp;&amp; c</code></p>');
  });

  it('renders fenced code blocks keeping the language class', () => {
    expect(render('```ts\nconst a = "<b>";\n```')).toBe(
      '<pre><code class="language-ts">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>',
    );
  });

  it('drops a language class with characters outside [\\w-]', () => {
    expect(render('```c++\nint x;\n```')).toBe('<pre><code>int x;\n</code></pre>');
  });

  it('renders indented code blocks', () => {
    expect(render('    indented\n')).toBe('<pre><code>indented\n</code></pre>');
  });

  it('renders links with rel nofollow noopener ugc and a title', () => {
    expect(render('[site](https://example.com/a?b=1&c=2 "Title")')).toBe(
      `<p><a href="https://example.com/a?b=1&amp;c=2" title="Title" ${REL}>site</a></p>`,
    );
  });

  it('renders relative and fragment links', () => {
    expect(render('[p](/threads/1) [f](#top)')).toBe(
      `<p><a href="/threads/1" ${REL}>p</a> <a href="#top" ${REL}>f</a></p>`,
    );
  });

  it('renders mailto links', () => {
    expect(render('[mail](mailto:a@example.com)')).toBe(
      `<p><a href="mailto:a@example.com" ${REL}>mail</a></p>`,
    );
  });

  it('renders GFM autolinks for URLs, www. and e-mail addresses', () => {
    expect(render('<https://a.example> www.b.example c@d.example')).toBe(
      `<p><a href="https://a.example" ${REL}>https://a.example</a> ` +
        `<a href="http://www.b.example" ${REL}>www.b.example</a> ` +
        `<a href="mailto:c@d.example" ${REL}>c@d.example</a></p>`,
    );
  });

  it('renders reference links', () => {
    expect(render('[docs][d]\n\n[d]: https://docs.example "Docs"')).toBe(
      `<p><a href="https://docs.example" title="Docs" ${REL}>docs</a></p>`,
    );
  });

  it('renders images by URL with alt and title', () => {
    expect(render('![a cat](https://img.example/cat.png "Cat")')).toBe(
      '<p><img src="https://img.example/cat.png" alt="a cat" title="Cat"></p>',
    );
  });

  it('renders bullet lists, ordered lists and their start number', () => {
    expect(render('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(render('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it('renders task lists as characters, not form inputs', () => {
    expect(render('- [x] done\n- [ ] todo')).toBe('<ul>\n<li>☑ done</li>\n<li>☐ todo</li>\n</ul>');
  });

  it('renders blockquotes', () => {
    expect(render('> quoted\n> more')).toBe('<blockquote>\n<p>quoted<br>more</p>\n</blockquote>');
  });

  it('downgrades headings so user content starts at h3', () => {
    expect(render('# one\n## two\n### three\n#### four\n##### five\n###### six')).toBe(
      '<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h6>four</h6>\n<h6>five</h6>\n<h6>six</h6>',
    );
    expect(render('Setext\n======')).toBe('<h3>Setext</h3>');
  });

  it('renders tables with column alignment', () => {
    expect(render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="center">b</th>\n' +
        '<th align="right">c</th>\n</tr>\n</thead>\n<tbody><tr>\n<td align="left">1</td>\n' +
        '<td align="center">2</td>\n<td align="right">3</td>\n</tr>\n</tbody></table>',
    );
  });

  it('renders horizontal rules', () => {
    expect(render('above\n\n---\n\nbelow')).toBe('<p>above</p>\n<hr>\n<p>below</p>');
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    expect(render('<b>bold</b> and <div class="x">block</div>')).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; and &lt;div class=&quot;x&quot;&gt;block&lt;/div&gt;</p>',
    );
    expect(render('<div>\nblock html\n</div>')).toBe(
      '<p>&lt;div&gt;<br>block html<br>&lt;/div&gt;</p>',
    );
    expect(render('<!-- comment -->')).toBe('<p>&lt;!-- comment --&gt;</p>');
  });

  it('keeps backslash escapes and entities as text', () => {
    expect(render('\\*not em\\* &copy; &amp; 1 < 2')).toBe('<p>*not em* © &amp; 1 &lt; 2</p>');
  });

  it("renders nesting deep enough to overflow marked's stack, still escaped", () => {
    // Plain marked throws a RangeError here; we fall back to escaped text.
    const html = renderMarkdown(`${'> '.repeat(10_000)}<b>x</b>\n\nnext`);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('<p>next</p>');
    expect(html).not.toContain('<b>');
  });

  it('renders an empty or blank source as an empty string', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n\n ')).toBe('');
  });
});
