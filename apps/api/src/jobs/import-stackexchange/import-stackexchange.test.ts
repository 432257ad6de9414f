// The Stack Exchange importer on small dumps written by the test: what each record becomes,
// re-import (nothing added, changes applied), malformed files and the command-line arguments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import {
  groups,
  importedVotes,
  posts,
  postRevisions,
  searchOutbox,
  tags,
  threads,
  threadTags,
  users,
  type Database,
} from '@serendip/db';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { parseArguments, UsageError } from './cli-arguments.ts';
import { parseRowLine } from './dump-reader.ts';
import { parseTagList } from './dump-records.ts';
import { handleBase, uniqueHandle } from './import-people.ts';
import { DumpFormatError, importStackExchange, type ImportSummary } from './importer.ts';

type Row = Record<string, string | number | undefined>;

const escapeXml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xA;');

/** A dump file as Stack Exchange writes it: BOM, XML declaration, CRLF, one row per line. */
function dumpFile(root: string, rows: Row[]): string {
  const lines = rows.map(
    (row) =>
      '  <row ' +
      Object.entries(row)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
        .join(' ') +
      ' />',
  );
  return [
    '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
    `<${root}>`,
    ...lines,
    `</${root}>`,
    '',
  ].join('\r\n');
}

interface Dump {
  users: Row[];
  posts: Row[];
  comments: Row[];
  votes: Row[];
}

function baseDump(): Dump {
  return {
    users: [
      { Id: -1, DisplayName: 'Community', CreationDate: '2014-01-01T00:00:00.000' },
      { Id: 1, DisplayName: 'Ann Brewer', CreationDate: '2014-01-02T10:00:00.000' },
      { Id: 2, DisplayName: 'Bob', CreationDate: '2014-01-03T10:00:00.000' },
      { Id: 3, DisplayName: 'Ann Brewer', CreationDate: '2014-01-04T10:00:00.000' },
      { Id: 4, DisplayName: 'Zoë', CreationDate: '2014-01-05T10:00:00.000' },
      { Id: 5, DisplayName: 'Never Posted', CreationDate: '2014-01-05T10:00:00.000' },
    ],
    posts: [
      {
        Id: 10,
        PostTypeId: 1,
        AcceptedAnswerId: 11,
        CreationDate: '2015-01-01T08:00:00.000',
        Score: 5,
        Body: '<p>What are <strong>citra</strong> hops?</p>\n<script>alert(1)</script>',
        OwnerUserId: 1,
        Title: 'What is a citra hop, and why should I care?',
        Tags: '<hops><ipa>',
      },
      {
        Id: 11,
        PostTypeId: 2,
        ParentId: 10,
        CreationDate: '2015-01-02T08:00:00.000',
        Score: 3,
        Body: '<p>A hop variety.</p><pre><code>citra = fruity\n</code></pre>',
        OwnerUserId: 2,
      },
      {
        Id: 12,
        PostTypeId: 2,
        ParentId: 10,
        CreationDate: '2015-01-03T08:00:00.000',
        Score: -1,
        Body: '<p>No idea <a href="http://example.com">see here</a>.</p>',
        OwnerUserId: 3,
      },
      {
        Id: 20,
        PostTypeId: 1,
        CreationDate: '2015-02-01T08:00:00.000',
        ClosedDate: '2015-02-03T08:00:00.000',
        Score: 1,
        Body: '<p>Which wine goes with fish?</p>',
        OwnerDisplayName: 'Ghost',
        Title: 'Which wine goes with fish tonight?',
        Tags: '|wine|taste|',
      },
      {
        Id: 30,
        PostTypeId: 4,
        CreationDate: '2015-01-01T00:00:00.000',
        Body: 'wiki',
        OwnerUserId: -1,
      },
      {
        Id: 99,
        PostTypeId: 2,
        ParentId: 999,
        CreationDate: '2015-01-01T00:00:00.000',
        Body: '<p>orphan</p>',
        OwnerUserId: 2,
      },
    ],
    comments: [
      {
        Id: 1,
        PostId: 11,
        Text: 'Thanks, *great* answer',
        CreationDate: '2015-01-05T08:00:00.000',
        UserId: 4,
      },
      {
        Id: 2,
        PostId: 20,
        Text: 'Try a Muscadet.',
        CreationDate: '2015-02-02T08:00:00.000',
        UserId: 1,
      },
      {
        Id: 3,
        PostId: 555,
        Text: 'on a deleted post',
        CreationDate: '2015-02-02T08:00:00.000',
        UserId: 1,
      },
    ],
    votes: [
      { Id: 1, PostId: 10, VoteTypeId: 2, CreationDate: '2015-01-01T00:00:00.000' },
      { Id: 2, PostId: 11, VoteTypeId: 2, CreationDate: '2015-01-02T00:00:00.000' },
      { Id: 3, PostId: 12, VoteTypeId: 3, CreationDate: '2015-01-03T00:00:00.000' },
      { Id: 4, PostId: 11, VoteTypeId: 1, CreationDate: '2015-01-04T00:00:00.000' },
      { Id: 5, PostId: 999, VoteTypeId: 2, CreationDate: '2015-01-04T00:00:00.000' },
      { Id: 6, PostId: 10, VoteTypeId: 5, UserId: 2, CreationDate: '2015-01-04T00:00:00.000' },
    ],
  };
}

const folders: string[] = [];

function writeDump(dump: Dump, overrides: Partial<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'se-dump-'));
  folders.push(dir);
  const files: Record<string, string> = {
    'Users.xml': dumpFile('users', dump.users),
    'Posts.xml': dumpFile('posts', dump.posts),
    'Comments.xml': dumpFile('comments', dump.comments),
    'Votes.xml': dumpFile('votes', dump.votes),
    ...overrides,
  };
  for (const [name, text] of Object.entries(files)) {
    if (text !== undefined) writeFileSync(join(dir, name), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function rowCount(db: Database, table: PgTable) {
  const [row] = await db.select({ n: count() }).from(table);
  return row!.n;
}

async function threadOfTitle(db: Database, title: string) {
  const [row] = await db.select().from(threads).where(eq(threads.title, title));
  return row!;
}

async function tagsOf(db: Database, threadId: number) {
  const rows = await db
    .select({ slug: tags.slug })
    .from(threadTags)
    .innerJoin(tags, eq(tags.id, threadTags.tagId))
    .where(eq(threadTags.threadId, threadId));
  return rows.map((row) => row.slug).sort();
}

describe('importing a Stack Exchange dump', () => {
  const ctx = useTestContext();
  let summary: ImportSummary;
  let dir: string;
  const phases = new Set<string>();

  beforeAll(async () => {
    dir = writeDump(baseDump());
    summary = await importStackExchange(ctx().db, {
      dir,
      groupSlug: 'beer',
      groupName: 'Beer, Wine & Spirits',
      onProgress: (phase) => phases.add(phase),
    });
  });

  it('reports what it imported and what it left out', () => {
    expect(summary.groupCreated).toBe(true);
    expect(summary.users).toEqual({ added: 5, updated: 0, unchanged: 0 });
    expect(summary.questions.added).toBe(2);
    expect(summary.answers.added).toBe(2);
    expect(summary.comments.added).toBe(2);
    expect(summary.votesAdded).toBe(4);
    expect(summary.acceptedChanged).toBe(1);
    expect(summary.skipped).toEqual({ answers: 1, comments: 1, votes: 1 });
    expect([...phases]).toEqual(['people', 'questions', 'answers', 'comments', 'votes']);
  });

  it('creates the group with its counters', async () => {
    const [group] = await ctx().db.select().from(groups).where(eq(groups.slug, 'beer'));
    expect(group).toMatchObject({ name: 'Beer, Wine & Spirits', threadCount: 2, memberCount: 5 });
  });

  it('creates authors as users who cannot sign in, with unique handles', async () => {
    const rows = await ctx()
      .db.select()
      .from(users)
      .where(inArray(users.displayName, ['Ann Brewer', 'Zoë', 'Ghost', 'Never Posted']));
    expect(rows.map((row) => row.handle).sort()).toEqual([
      'Ann-Brewer',
      'Ann-Brewer-2',
      'Ghost',
      'Zoe',
    ]);
    for (const row of rows) {
      expect(row.passwordHash).toBeNull();
      expect(row.email).toMatch(/@import\.invalid$/);
    }
    const login = await ctx().anonymous.post('/api/auth/login', {
      email: rows[0]!.email,
      password: 'anything at all',
    });
    expect(login.status).toBe(401);
  });

  it('turns a question into a thread with tags, dates, score, answers and acceptance', async () => {
    const db = ctx().db;
    const thread = await threadOfTitle(db, 'What is a citra hop, and why should I care?');
    expect(thread.kind).toBe('question');
    expect(thread.createdAt.toISOString()).toBe('2015-01-01T08:00:00.000Z');
    expect(thread.score).toBe(5);
    expect(thread.answerCount).toBe(2);
    // The latest post of the thread is the comment on the accepted answer.
    expect(thread.lastActivityAt.toISOString()).toBe('2015-01-05T08:00:00.000Z');
    expect(await tagsOf(db, thread.id)).toEqual(['hops', 'ipa']);
    const threadPosts = await db
      .select()
      .from(posts)
      .where(eq(posts.threadId, thread.id))
      .orderBy(posts.createdAt);
    expect(threadPosts.map((post) => post.kind)).toEqual(['opening', 'answer', 'answer', 'reply']);
    const [opening, accepted, other, reply] = threadPosts;
    expect(thread.acceptedPostId).toBe(accepted!.id);
    expect(opening!.score).toBe(5);
    expect(other!.score).toBe(-1);
    expect(reply!.bodySource).toBe('Thanks, *great* answer');
    expect(reply!.bodyHtml).toContain('<em>great</em>');
  });

  it('stores markdown converted from the HTML and renders it with our own pipeline', async () => {
    const db = ctx().db;
    const thread = await threadOfTitle(db, 'What is a citra hop, and why should I care?');
    const [opening, answer, linked] = await db
      .select()
      .from(posts)
      .where(eq(posts.threadId, thread.id))
      .orderBy(posts.createdAt);
    expect(opening!.bodySource).toContain('What are **citra** hops?');
    expect(opening!.bodyHtml).toContain('<strong>citra</strong>');
    expect(opening!.bodyHtml).not.toContain('<script');
    expect(answer!.bodySource).toContain('```\ncitra = fruity\n```');
    expect(answer!.bodyHtml).toContain('<pre><code>');
    expect(linked!.bodySource).toContain('[see here](http://example.com)');
    expect(linked!.bodyHtml).toContain('rel="nofollow noopener ugc"');
    const [revision] = await db
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, opening!.id));
    expect(revision).toMatchObject({
      revision: 1,
      title: thread.title,
      bodySource: opening!.bodySource,
    });
  });

  it('keeps closed questions locked, with the |a|b| tag format and a placeholder author', async () => {
    const db = ctx().db;
    const thread = await threadOfTitle(db, 'Which wine goes with fish tonight?');
    expect(thread.status).toBe('locked');
    expect(await tagsOf(db, thread.id)).toEqual(['taste', 'wine']);
    const [author] = await db.select().from(users).where(eq(users.id, thread.authorId));
    expect(author!.displayName).toBe('Ghost');
    const [wine] = await db.select().from(tags).where(eq(tags.slug, 'wine'));
    expect(wine!.threadCount).toBe(1);
  });

  it('keeps up, down and acceptance votes as dated rows without a voter', async () => {
    const rows = await ctx().db.select().from(importedVotes).orderBy(importedVotes.externalId);
    expect(rows.map((row) => [row.externalId, row.kind, row.value])).toEqual([
      ['1', 'up', 1],
      ['2', 'up', 1],
      ['3', 'down', -1],
      ['4', 'accept', 1],
    ]);
    expect(rows[3]!.createdAt.toISOString()).toBe('2015-01-04T00:00:00.000Z');
  });

  it('queues every imported thread, post and user for the search index', async () => {
    const db = ctx().db;
    const queued = await db.select().from(searchOutbox);
    const ids = (type: string) =>
      new Set(queued.filter((row) => row.documentType === type).map((row) => row.documentId));
    const threadIds = (await db.select({ id: threads.id }).from(threads)).map((row) => row.id);
    const postIds = (await db.select({ id: posts.id }).from(posts)).map((row) => row.id);
    for (const id of threadIds) expect(ids('thread').has(id)).toBe(true);
    for (const id of postIds) expect(ids('post').has(id)).toBe(true);
    expect(ids('user').size).toBeGreaterThanOrEqual(5);
    expect(ids('group').size).toBe(1);
  });

  it('serves the imported thread through the API', async () => {
    const reader = await ctx().newUser();
    const thread = await threadOfTitle(ctx().db, 'What is a citra hop, and why should I care?');
    const body = expectStatus(await reader.client.get(`/api/threads/${thread.id}`), 200);
    expect(body.posts).toHaveLength(4);
  });

  it('adds nothing when run again on the same dump', async () => {
    const db = ctx().db;
    const before = {
      users: await rowCount(db, users),
      threads: await rowCount(db, threads),
      posts: await rowCount(db, posts),
      votes: await rowCount(db, importedVotes),
    };
    const again = await importStackExchange(db, { dir, groupSlug: 'beer' });
    expect(again.groupCreated).toBe(false);
    expect(again.users).toEqual({ added: 0, updated: 0, unchanged: 5 });
    expect(again.questions).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(again.answers).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(again.comments).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(again.votesAdded).toBe(0);
    expect(again.acceptedChanged).toBe(0);
    expect({
      users: await rowCount(db, users),
      threads: await rowCount(db, threads),
      posts: await rowCount(db, posts),
      votes: await rowCount(db, importedVotes),
    }).toEqual(before);
    const thread = await threadOfTitle(db, 'What is a citra hop, and why should I care?');
    expect(thread.answerCount).toBe(2);
  });

  it('updates what changed in the dump on a later run', async () => {
    const db = ctx().db;
    const dump = baseDump();
    dump.users[2]!.DisplayName = 'Robert';
    dump.posts[0]!.Tags = '<hops>';
    dump.posts[0]!.AcceptedAnswerId = 12;
    dump.posts[1]!.Body = '<p>A hop variety from Yakima.</p>';
    dump.posts[1]!.Score = 7;
    dump.votes.push({ Id: 7, PostId: 11, VoteTypeId: 2, CreationDate: '2015-03-01T00:00:00.000' });
    const changed = await importStackExchange(db, { dir: writeDump(dump), groupSlug: 'beer' });
    expect(changed.users).toEqual({ added: 0, updated: 1, unchanged: 4 });
    expect(changed.questions).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(changed.answers).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(changed.votesAdded).toBe(1);
    expect(changed.acceptedChanged).toBe(1);

    const thread = await threadOfTitle(db, 'What is a citra hop, and why should I care?');
    expect(await tagsOf(db, thread.id)).toEqual(['hops']);
    const [ipa] = await db.select().from(tags).where(eq(tags.slug, 'ipa'));
    expect(ipa!.threadCount).toBe(0);
    const [answer] = await db
      .select()
      .from(posts)
      .where(and(eq(posts.threadId, thread.id), eq(posts.kind, 'answer'), eq(posts.score, 7)));
    expect(answer!.bodySource).toBe('A hop variety from Yakima.');
    expect(answer!.revisionCount).toBe(2);
    expect(thread.acceptedPostId).not.toBe(answer!.id);
    expect(await db.select().from(users).where(eq(users.displayName, 'Robert'))).toHaveLength(1);
  });
});

describe('a malformed or incomplete dump', () => {
  const ctx = useTestContext();

  async function importError(dir: string): Promise<DumpFormatError> {
    const error = await importStackExchange(ctx().db, { dir, groupSlug: 'broken' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DumpFormatError);
    return error as DumpFormatError;
  }

  it('names a missing directory or file', async () => {
    const missing = join(tmpdir(), 'no-such-dump-folder');
    expect((await importError(missing)).message).toMatch(
      /^Posts\.xml: missing from .*no-such-dump-folder/,
    );
    const dir = writeDump(baseDump());
    rmSync(join(dir, 'Votes.xml'));
    expect((await importError(dir)).message).toMatch(/^Votes\.xml: missing/);
  });

  it('names the file and line of a row that is not XML', async () => {
    const text = dumpFile('posts', baseDump().posts).replace(
      '<row Id="11"',
      '<row Id="11" Broken=unquoted',
    );
    const error = await importError(writeDump(baseDump(), { 'Posts.xml': text }));
    expect(error.message).toMatch(
      /^Posts\.xml, line 4: unreadable attribute near "Broken=unquoted/,
    );
    expect(error.line).toBe(4);
  });

  it('names the file and line of a bad value', async () => {
    const dump = baseDump();
    dump.comments[1]!.CreationDate = 'yesterday';
    const error = await importError(writeDump(dump));
    expect(error.message).toBe('Comments.xml, line 4: CreationDate="yesterday" is not a date');
    const noId = baseDump();
    delete noId.users[1]!.Id;
    expect((await importError(writeDump(noId))).message).toBe('Users.xml, line 4: row has no Id');
  });

  it('detects a truncated file and an invalid character reference', async () => {
    const truncated = dumpFile('votes', baseDump().votes).split('\r\n').slice(0, 4).join('\r\n');
    expect((await importError(writeDump(baseDump(), { 'Votes.xml': truncated }))).message).toBe(
      'Votes.xml, line 4: file ends before </votes> (truncated?)',
    );
    const badEntity = dumpFile('users', baseDump().users).replace('Bob', 'Bob &bogus;');
    expect((await importError(writeDump(baseDump(), { 'Users.xml': badEntity }))).message).toBe(
      'Users.xml, line 5: attribute DisplayName holds an invalid character reference',
    );
  });

  it('writes nothing when a file is malformed', async () => {
    const dump = baseDump();
    dump.votes[0]!.CreationDate = 'not a date';
    await importError(writeDump(dump));
    expect(await ctx().db.select().from(groups).where(eq(groups.slug, 'broken'))).toEqual([]);
    expect(await rowCount(ctx().db, threads)).toBe(0);
  });
});

describe('dump parsing helpers', () => {
  it('reads both tag formats', () => {
    expect(parseTagList('<wine><taste>')).toEqual(['wine', 'taste']);
    expect(parseTagList('|wine|taste|')).toEqual(['wine', 'taste']);
    expect(parseTagList(null)).toEqual([]);
  });

  it('decodes the attributes of a row line', () => {
    expect(parseRowLine('<row Id="1" Body="&lt;p&gt;a &amp; b&#xA;&#233;&lt;/p&gt;" />')).toEqual({
      Id: '1',
      Body: '<p>a & b\né</p>',
    });
    expect(parseRowLine('<row Id="1" Id="2" />')).toBe('attribute Id appears twice');
    expect(parseRowLine('<rows>')).toBe('expected a <row … /> element');
  });

  it('derives valid, unique handles from display names', () => {
    expect(handleBase('José Müller!')).toBe('Jose-Muller');
    const taken = new Set(['jose-muller']);
    expect(uniqueHandle('José Müller', 'se-user-1', taken)).toBe('Jose-Muller-2');
    expect(uniqueHandle('李', 'se-user-7', taken)).toBe('se-user-7');
    expect(uniqueHandle('x'.repeat(40), 'f', taken)).toHaveLength(32);
    expect(uniqueHandle('x'.repeat(40), 'f', taken)).toMatch(/^x{30}-2$/);
  });
});

describe('command-line arguments', () => {
  it('reads the directory, the group and the options', () => {
    expect(parseArguments(['--', 'dump', '--group', 'beer', '--group-name=Beer lovers'])).toEqual({
      dir: 'dump',
      groupSlug: 'beer',
      groupName: 'Beer lovers',
      batchSize: undefined,
    });
  });

  it('refuses a missing group, a bad slug, an unknown option or two directories', () => {
    expect(() => parseArguments(['dump'])).toThrow(UsageError);
    expect(() => parseArguments(['dump', '--group', 'Not A Slug'])).toThrow(/not a slug/);
    expect(() => parseArguments(['dump', '--group', 'beer', '--verbose', 'x'])).toThrow(
      /--verbose/,
    );
    expect(() => parseArguments(['a', 'b', '--group', 'beer'])).toThrow(/exactly one/);
    expect(() => parseArguments(['a', '--group', 'beer', '--batch-size', '0'])).toThrow(/positive/);
  });
});
