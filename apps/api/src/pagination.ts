// Keyset pagination shared by every list: opaque cursors (base64url of the JSON sort key) and
// pages cut from limit + 1 rows.
import { DomainError } from './errors.ts';

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** The largest value of an integer id column: a bigger one would make the database fail (a 500). */
export const MAX_ROW_ID = 2147483647;

export function isRowId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ROW_ID;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key of a cursor this API gave out. Anything else (not base64url JSON, not exactly what
 * encodeCursor writes, or a key `isValid` refuses) is a clear 400, never a database error later.
 */
export function decodeCursor<Key extends unknown[]>(
  cursor: string,
  isValid: (key: unknown[]) => boolean,
): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || encodeCursor(key) !== cursor || !isValid(key)) {
    throw new DomainError('invalid_cursor', 'This cursor is not valid for this list; start over.');
  }
  return key as Key;
}

/**
 * One page from the rows of a query that read limit + 1 of them: the extra row only tells that
 * there is a next page, which starts after the key of the page's last row.
 */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (last: Row) => unknown[],
): Page<Item> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toItem(row)),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
