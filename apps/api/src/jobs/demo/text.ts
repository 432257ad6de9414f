// `prose`: lets the demo's markdown bodies be indented and wrapped like the code around them.
// It strips the common indentation (markdown reads four leading spaces as code) and re-joins
// wrapped lines of a paragraph, list item or quote (the renderer turns each newline into <br>).

// Lines that open a block of their own: list items, table rows, headings, quotes, code fences.
const BLOCK_START = /^\s*([-*+] |\d+\. |\||#|>|```)/;
// Lines after which nothing may be joined: table rows, headings, code fences.
const BLOCK_WHOLE = /^\s*(\||#|```)/;

function dedent(text: string): string[] {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const cut = Math.min(...indents);
  return lines.map((line) => line.slice(cut));
}

/** True when `line` continues the paragraph, list item or quote that `previous` belongs to. */
function continues(previous: string, line: string): boolean {
  if (previous.trim() === '' || line.trim() === '' || BLOCK_WHOLE.test(previous)) return false;
  if (/^\s*>/.test(line)) return /^\s*>/.test(previous);
  return !BLOCK_START.test(line);
}

function unwrap(lines: string[]): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    const previous = out.at(-1);
    if (!inFence && previous !== undefined && continues(previous, line)) {
      out[out.length - 1] = `${previous} ${line.trim().replace(/^>\s*/, '')}`;
    } else {
      out.push(line);
    }
    if (/^\s*```/.test(line)) inFence = !inFence;
  }
  return out.join('\n');
}

export function prose(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce(
    (out, part, index) => out + part + (index < values.length ? String(values[index]) : ''),
    '',
  );
  return unwrap(dedent(text));
}
