// XSS vectors, through the markdown renderer and straight into the sanitizer.
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeHtml } from './index.ts';
import { safeUrl } from './sanitize.ts';

const render = (source: string) => renderMarkdown(source).trim();
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const REL = 'rel="nofollow noopener ugc"';

describe('markdown links and images with dangerous URLs', () => {
  const obfuscatedJavascript = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
    '&#x20;javascript:alert(1)',
    '<java\tscript:alert(1)>',
    '<java script:alert(1)>',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '//evil.example/x',
    '<\\/\\/evil.example>',
    'file:///etc/passwd',
  ];

  it.each(obfuscatedJavascript)('drops the link to %s and keeps its text', (url) => {
    expect(render(`[click me](${url})`)).toBe('<p>click me</p>');
  });

  it.each(obfuscatedJavascript)('drops the image %s and keeps its alt text', (url) => {
    expect(render(`![a picture](${url})`)).toBe('<p>a picture</p>');
  });

  it('drops javascript: in a reference definition', () => {
    expect(render('[go][x]\n\n[x]: javascript:alert(1)')).toBe('<p>go</p>');
  });

  it('drops javascript: and data: autolinks, keeping the text', () => {
    expect(render('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
    expect(render('<data:text/html,x>')).toBe('<p>data:text/html,x</p>');
  });

  it('does not allow mailto: or relative-path tricks for images', () => {
    expect(render('![m](mailto:a@b.example)')).toBe('<p>m</p>');
  });

  it('percent-encodes a backslash after the leading slash, so it stays a same-site path', () => {
    expect(render('[x](/\\evil.example/x)')).toBe(
      `<p><a href="/%5Cevil.example/x" ${REL}>x</a></p>`,
    );
  });

  it('escapes quotes in URLs and titles so they cannot break out of the attribute', () => {
    expect(render('[x](<https://a.example/" onmouseover="alert(1)> "t\\" onclick=\\"y")')).toBe(
      '<p><a href="https://a.example/%22%20onmouseover=%22alert(1)" ' +
        `title="t&quot; onclick=&quot;y" ${REL}>x</a></p>`,
    );
  });
});

describe('raw HTML typed in markdown', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['<svg onload=alert(1)>', '<p>&lt;svg onload=alert(1)&gt;</p>'],
    [
      '<iframe src="javascript:alert(1)"></iframe>',
      '<p>&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;&lt;/iframe&gt;</p>',
    ],
    [
      '<p style="background:url(x)">s</p>',
      '<p>&lt;p style=&quot;background:url(x)&quot;&gt;s&lt;/p&gt;</p>',
    ],
    [
      '<a href="javascript:alert(1)">x</a>',
      '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>',
    ],
  ])('shows %s as text', (source, html) => {
    expect(render(source)).toBe(html);
  });

  it('keeps raw HTML inert inside link text and emphasis', () => {
    expect(render('[<img src=x onerror=alert(1)>](/ok) *<svg onload=x>*')).toBe(
      `<p><a href="/ok" ${REL}>&lt;img src=x onerror=alert(1)&gt;</a> <em>&lt;svg onload=x&gt;</em></p>`,
    );
  });
});

describe('sanitizeHtml', () => {
  it('keeps allowlisted tags and attributes', () => {
    const html =
      '<p><strong>a</strong> <em>b</em> <del>c</del><br><code class="language-js">d</code></p>' +
      '<ol start="2"><li>e</li></ol><table><thead><tr><th align="left">f</th></tr></thead>' +
      '<tbody><tr><td align="right">g</td></tr></tbody></table><hr><h3>h</h3><blockquote>i</blockquote>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops tags outside the allowlist but keeps their text', () => {
    expect(sanitizeHtml('<p><span>a</span><font color=red>b</font><x-y>c</x-y></p>')).toBe(
      '<p>abc</p>',
    );
    expect(sanitizeHtml('<div><h1>a</h1><section><p>b</p></section></div>')).toBe('a<p>b</p>');
  });

  it('drops script, style, iframe, template and textarea with their content', () => {
    expect(
      sanitizeHtml(
        'a<script>alert(1)</script><style>p{}</style><iframe src=x>f</iframe>' +
          '<template><p>t</p></template><textarea><b>x</b></textarea>b',
      ),
    ).toBe('ab');
  });

  it('drops svg and math wrappers with their event handlers', () => {
    expect(sanitizeHtml('<svg onload=alert(1)><circle/></svg><math><mi>x</mi></math>')).toBe('x');
    expect(sanitizeHtml('<svg><style><img src=x onerror=alert(1)></style></svg>')).toBe('');
  });

  it('drops event handlers, style and unknown attributes', () => {
    expect(
      sanitizeHtml(
        '<p onclick="x" style="color:red" id="i" class="c">a</p><img src="/i.png" onerror="x" width=1>',
      ),
    ).toBe('<p>a</p><img src="/i.png">');
  });

  it('forces rel on every link and never keeps a target', () => {
    expect(sanitizeHtml('<a href="https://a.example" target="_blank" rel="opener">x</a>')).toBe(
      `<a href="https://a.example" ${REL}>x</a>`,
    );
  });

  it('keeps class on links only when it is "mention"', () => {
    expect(sanitizeHtml('<a href="/u/bob" class="mention">@bob</a>')).toBe(
      `<a href="/u/bob" class="mention" ${REL}>@bob</a>`,
    );
    expect(sanitizeHtml('<a href="/x" class="mention evil">x</a>')).toBe(
      `<a href="/x" ${REL}>x</a>`,
    );
  });

  it('drops links and images without a usable URL, keeping the text and alt text', () => {
    expect(sanitizeHtml('<a>no href</a> <a href="javascript:x">bad</a>')).toBe('no href bad');
    expect(
      sanitizeHtml('<img alt="no src"> <img src="data:image/png;base64,AAAA" alt="d&lt;">'),
    ).toBe('no src d&lt;');
  });

  it('checks URLs after decoding entities and removing control characters', () => {
    const hrefs = [
      '&#106;avascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'jav&#x0A;ascript:alert(1)',
      '&#x01;javascript:alert(1)',
      'java\u0000script:alert(1)',
      ' javascript:alert(1)',
      'javascript&colon;alert(1)',
      'JAVASCRIPT:alert(1)',
      '&#x2F;&#x2F;evil.example',
      '/&#x09;/evil.example',
      'data:text/html,<script>alert(1)</script>',
    ];
    for (const href of hrefs) expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe('x');
  });

  it('drops bad code classes, cell alignments and list starts', () => {
    expect(
      sanitizeHtml(
        '<code class="language-js x">a</code><td align="justify">b</td><ol start="1; x">c</ol>',
      ),
    ).toBe('<code>a</code><td>b</td><ol>c</ol>');
  });

  it('re-escapes text and attribute values', () => {
    expect(
      sanitizeHtml(
        '<p title="x">&lt;script&gt;&amp;&quot;</p><img src="/a?b=&quot;c" alt="&lt;b&gt;">',
      ),
    ).toBe('<p>&lt;script&gt;&amp;&quot;</p><img src="/a?b=&quot;c" alt="&lt;b&gt;">');
  });

  it('balances tags: closes what is left open and ignores stray closing tags', () => {
    expect(sanitizeHtml('<p><strong>a</em></p></strong><ul><li>b')).toBe(
      '<p><strong>a</strong></p><ul><li>b</li></ul>',
    );
  });

  it('drops comments, CDATA and processing instructions', () => {
    expect(sanitizeHtml('a<!-- <script>x</script> -->b<![CDATA[c]]><?php d ?>e')).toBe('abe');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['HTTP://A.EXAMPLE', 'HTTP://A.EXAMPLE'],
    ['mailto:a@b.example', 'mailto:a@b.example'],
    ['/relative/path', '/relative/path'],
    ['#fragment', '#fragment'],
    [' https://a.example ', 'https://a.example'],
  ])('allows %s', (url, expected) => {
    expect(safeUrl(url, LINK_SCHEMES)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'relative/path',
    '?query',
    '\u00a0javascript:alert(1)',
    '',
  ])('rejects %j', (url) => {
    expect(safeUrl(url, LINK_SCHEMES)).toBeNull();
  });
});

describe('sanitizeHtml on truncated input', () => {
  it('closes elements left open when the input ends inside a tag', () => {
    expect(sanitizeHtml('<p><strong>a<em')).toBe('<p><strong>a</strong></p>');
  });
});

describe('sanitizeHtml when the input ends inside a tag', () => {
  it('keeps the elements around the unfinished tag balanced', () => {
    expect(sanitizeHtml('<p><strong/x')).toBe('<p></p>');
    expect(sanitizeHtml('<p><p[](javascript: )')).toBe('<p></p>');
  });
});
