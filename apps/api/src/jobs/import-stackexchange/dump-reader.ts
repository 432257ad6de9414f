// Reads one file of a Stack Exchange data dump: XML with one `<row attr="…" />` element per line,
// streamed line by line so every problem is reported with its file and line number.
import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';

/** A malformed or missing dump file; the message names the file and, when known, the line. */
export class DumpFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${line === null ? file : `${file}, line ${line}`}: ${detail}`);
    this.name = 'DumpFormatError';
  }
}

export interface DumpRow {
  /** 1-based line of the file, for error messages about this row's values. */
  line: number;
  attributes: Record<string, string>;
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g;

/** XML entity decoding; undefined when the value is not well-formed (a bare '<' or '&'). */
function decodeEntities(raw: string): string | undefined {
  if (raw.includes('<') || raw.replace(ENTITY, '').includes('&')) return undefined;
  let valid = true;
  const decoded = raw.replace(ENTITY, (_, entity: string) => {
    if (!entity.startsWith('#')) {
      const named = NAMED_ENTITIES[entity];
      if (named === undefined) valid = false;
      return named ?? '';
    }
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    if (code > 0x10ffff) valid = false;
    return valid ? String.fromCodePoint(code) : '';
  });
  return valid ? decoded : undefined;
}

const ATTRIBUTE = /\s+([A-Za-z_][\w.-]*)="([^"]*)"/y;

/** The attributes of one `<row … />` line, or a description of what is wrong with it. */
export function parseRowLine(text: string): Record<string, string> | string {
  if (!text.startsWith('<row') || !text.endsWith('/>')) {
    return 'expected a <row … /> element';
  }
  const body = text.slice(4, -2).trimEnd();
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < body.length) {
    const start = ATTRIBUTE.lastIndex;
    const match = ATTRIBUTE.exec(body);
    if (!match) return `unreadable attribute near "${body.slice(start, start + 40).trim()}"`;
    const [, name, rawValue] = match;
    if (name! in attributes) return `attribute ${name} appears twice`;
    const value = decodeEntities(rawValue!);
    if (value === undefined) return `attribute ${name} holds an invalid character reference`;
    attributes[name!] = value;
  }
  return attributes;
}

/**
 * Every row of `dir/fileName`, in file order. Throws DumpFormatError for a missing file, a line
 * that is not a row, or a file whose root element is never closed (a truncated download).
 */
export async function* readDumpRows(dir: string, fileName: string): AsyncGenerator<DumpRow> {
  const path = join(dir, fileName);
  const file = basename(path);
  try {
    if (!statSync(path).isFile()) throw new DumpFormatError(file, null, 'not a file');
  } catch (error) {
    if (error instanceof DumpFormatError) throw error;
    throw new DumpFormatError(file, null, `missing from ${dir}`);
  }
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  let root: string | null = null;
  let closed = false;
  for await (const rawLine of lines) {
    lineNumber++;
    const text = (lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (text === '' || (lineNumber === 1 && text.startsWith('<?xml'))) continue;
    if (closed) throw new DumpFormatError(file, lineNumber, 'content after the closing tag');
    if (root === null) {
      const opening = /^<([a-z]+)>$/.exec(text);
      if (!opening) throw new DumpFormatError(file, lineNumber, 'expected the opening root tag');
      root = opening[1]!;
      continue;
    }
    if (text === `</${root}>`) {
      closed = true;
      continue;
    }
    const attributes = parseRowLine(text);
    if (typeof attributes === 'string') throw new DumpFormatError(file, lineNumber, attributes);
    yield { line: lineNumber, attributes };
  }
  if (root === null) throw new DumpFormatError(file, null, 'empty file (no root element)');
  if (!closed) {
    throw new DumpFormatError(file, lineNumber, `file ends before </${root}> (truncated?)`);
  }
}
