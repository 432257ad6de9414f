// Typed records from the dump's rows: only the fields the import uses, each checked, so a bad
// value is reported with its file and line instead of turning into a database error later.
import { DumpFormatError, readDumpRows, type DumpRow } from './dump-reader.ts';

export interface DumpUser {
  id: string;
  displayName: string;
  createdAt: Date;
}

export interface DumpPost {
  id: string;
  /** 1 question, 2 answer; the other types (wikis) are not imported. */
  type: number;
  parentId: string | null;
  acceptedAnswerId: string | null;
  createdAt: Date;
  score: number;
  /** HTML, as the dump stores it. */
  body: string;
  ownerUserId: string | null;
  ownerDisplayName: string | null;
  title: string;
  tags: string[];
  closedAt: Date | null;
  lastEditAt: Date | null;
}

export interface DumpComment {
  id: string;
  postId: string;
  /** Comments are plain text with Stack Exchange's mini-markdown, not HTML. */
  text: string;
  createdAt: Date;
  userId: string | null;
  userDisplayName: string | null;
}

export interface DumpVote {
  id: string;
  postId: string;
  typeId: number;
  createdAt: Date;
}

export interface DumpLink {
  postId: string;
  relatedPostId: string;
  /** 1 linked, 3 duplicate. */
  typeId: number;
}

class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: DumpRow,
  ) {}

  private fail(detail: string): never {
    throw new DumpFormatError(this.file, this.row.line, detail);
  }

  optional(name: string): string | null {
    const value = this.row.attributes[name];
    return value === undefined || value === '' ? null : value;
  }

  text(name: string): string {
    const value = this.optional(name);
    if (value === null) this.fail(`row has no ${name}`);
    return value;
  }

  id(name: string): string {
    return this.integer(name).toString();
  }

  optionalId(name: string): string | null {
    return this.optional(name) === null ? null : this.id(name);
  }

  integer(name: string): number {
    const raw = this.text(name);
    if (!/^-?\d{1,12}$/.test(raw)) this.fail(`${name}="${raw}" is not an integer`);
    return Number(raw);
  }

  optionalDate(name: string): Date | null {
    const raw = this.optional(name);
    if (raw === null) return null;
    // Dump dates are UTC without a zone designator: "2014-01-21T20:26:05.383".
    const date = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(raw) ? new Date(`${raw}Z`) : null;
    if (!date || Number.isNaN(date.getTime())) this.fail(`${name}="${raw}" is not a date`);
    return date;
  }

  date(name: string): Date {
    const date = this.optionalDate(name);
    if (date === null) this.fail(`row has no ${name}`);
    return date;
  }
}

/** "<wine><taste>" (older dumps) or "|wine|taste|" (newer ones) → ["wine", "taste"]. */
export function parseTagList(raw: string | null): string[] {
  if (!raw) return [];
  const parts = raw.startsWith('<') ? raw.split(/[<>]/) : raw.split('|');
  return parts.map((tag) => tag.trim()).filter((tag) => tag !== '');
}

async function readAll<T>(
  dir: string,
  file: string,
  map: (reader: RowReader) => T | null,
): Promise<T[]> {
  const records: T[] = [];
  for await (const row of readDumpRows(dir, file)) {
    const record = map(new RowReader(file, row));
    if (record !== null) records.push(record);
  }
  return records;
}

export const readUsers = (dir: string) =>
  readAll<DumpUser>(dir, 'Users.xml', (row) => ({
    id: row.id('Id'),
    displayName: row.optional('DisplayName') ?? '',
    createdAt: row.date('CreationDate'),
  }));

export const readPosts = (dir: string) =>
  readAll<DumpPost>(dir, 'Posts.xml', (row) => {
    const type = row.integer('PostTypeId');
    if (type !== 1 && type !== 2) return null;
    return {
      id: row.id('Id'),
      type,
      parentId: type === 2 ? row.id('ParentId') : null,
      acceptedAnswerId: row.optionalId('AcceptedAnswerId'),
      createdAt: row.date('CreationDate'),
      score: row.optional('Score') === null ? 0 : row.integer('Score'),
      body: row.optional('Body') ?? '',
      ownerUserId: row.optionalId('OwnerUserId'),
      ownerDisplayName: row.optional('OwnerDisplayName'),
      title: type === 1 ? row.text('Title') : '',
      tags: parseTagList(row.optional('Tags')),
      closedAt: row.optionalDate('ClosedDate'),
      lastEditAt: row.optionalDate('LastEditDate'),
    };
  });

export const readComments = (dir: string) =>
  readAll<DumpComment>(dir, 'Comments.xml', (row) => ({
    id: row.id('Id'),
    postId: row.id('PostId'),
    text: row.optional('Text') ?? '',
    createdAt: row.date('CreationDate'),
    userId: row.optionalId('UserId'),
    userDisplayName: row.optional('UserDisplayName'),
  }));

/** Only the votes the import keeps: accepted (1), up (2), down (3). */
export const readVotes = (dir: string) =>
  readAll<DumpVote>(dir, 'Votes.xml', (row) => {
    const typeId = row.integer('VoteTypeId');
    if (typeId < 1 || typeId > 3) return null;
    return {
      id: row.id('Id'),
      postId: row.id('PostId'),
      typeId,
      createdAt: row.date('CreationDate'),
    };
  });

export const readLinks = (dir: string) =>
  readAll<DumpLink>(dir, 'PostLinks.xml', (row) => ({
    postId: row.id('PostId'),
    relatedPostId: row.id('RelatedPostId'),
    typeId: row.integer('LinkTypeId'),
  }));
