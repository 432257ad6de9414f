// Questions become question threads (with their opening post and tags), answers become answer
// posts, comments become replies in the thread of the post they comment on. New records are
// inserted in bulk, changed ones updated (a new revision of the post), unchanged ones left alone.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { renderMarkdown } from '@serendip/markdown';
import { postRevisions, posts, threads, threadTags, type Executor } from '@serendip/db';
import { normalizeTag, upsertTags } from '../../modules/tags/tags.queries.ts';
import { queueSearchUpdates, recordEvent } from '../../write-path.ts';
import type { DumpComment, DumpPost } from './dump-records.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { EntityCounts, ImportContext } from './import-context.ts';
import {
  batches,
  contentHash,
  loadMappings,
  saveMappings,
  type MappedEntity,
  type MappingTable,
} from './mappings.ts';

/** Where an imported post lives: its local post id and thread id. */
export interface PlacedPost {
  postId: number;
  threadId: number;
}

/** A post ready to write: markdown source, rendered HTML, dates and score from the dump. */
interface PostDraft {
  externalId: string;
  authorId: number;
  source: string;
  score: number;
  createdAt: Date;
  editedAt: Date | null;
  hash: string;
}

interface QuestionDraft extends PostDraft {
  title: string;
  tags: string[];
  locked: boolean;
}

const TITLE_MAX = 200;

function questionDraft(post: DumpPost, authorId: number): QuestionDraft {
  const source = htmlToMarkdown(post.body);
  const tags = [...new Set(post.tags.map(normalizeTag).filter((tag) => tag !== ''))];
  const title = post.title.trim().slice(0, TITLE_MAX);
  const locked = post.closedAt !== null;
  return {
    externalId: post.id,
    authorId,
    source,
    title,
    tags,
    locked,
    score: post.score,
    createdAt: post.createdAt,
    editedAt: post.lastEditAt,
    hash: contentHash([title, source, tags, locked, post.score, post.lastEditAt]),
  };
}

function answerDraft(post: DumpPost, authorId: number): PostDraft {
  const source = htmlToMarkdown(post.body);
  return {
    externalId: post.id,
    authorId,
    source,
    score: post.score,
    createdAt: post.createdAt,
    editedAt: post.lastEditAt,
    hash: contentHash([source, post.score, post.lastEditAt]),
  };
}

function commentDraft(comment: DumpComment, authorId: number): PostDraft {
  // Comment text is already Stack Exchange mini-markdown (a subset of ours).
  const source = comment.text.trim() || '…';
  return {
    externalId: comment.id,
    authorId,
    source,
    score: 0,
    createdAt: comment.createdAt,
    editedAt: null,
    hash: contentHash([source]),
  };
}

async function insertPosts(
  tx: Executor,
  kind: 'opening' | 'answer' | 'reply',
  drafts: { draft: PostDraft; threadId: number; title: string | null }[],
): Promise<number[]> {
  if (drafts.length === 0) return [];
  const rows = await tx
    .insert(posts)
    .values(
      drafts.map(({ draft, threadId }) => ({
        threadId,
        authorId: draft.authorId,
        kind,
        bodySource: draft.source,
        bodyHtml: renderMarkdown(draft.source),
        score: draft.score,
        createdAt: draft.createdAt,
        editedAt: draft.editedAt,
      })),
    )
    .returning({ id: posts.id });
  const ids = rows.map((row) => row.id);
  await tx.insert(postRevisions).values(
    drafts.map(({ draft, title }, index) => ({
      postId: ids[index]!,
      revision: 1,
      editorId: draft.authorId,
      title,
      bodySource: draft.source,
      createdAt: draft.createdAt,
    })),
  );
  return ids;
}

/** A changed source row: the post gets its new body as a new revision, and its new score. */
async function updatePost(tx: Executor, postId: number, draft: PostDraft, title: string | null) {
  const [updated] = await tx
    .update(posts)
    .set({
      bodySource: draft.source,
      bodyHtml: renderMarkdown(draft.source),
      score: draft.score,
      editedAt: draft.editedAt ?? new Date(),
      revisionCount: sql`${posts.revisionCount} + 1`,
    })
    .where(eq(posts.id, postId))
    .returning({ revision: posts.revisionCount });
  await tx.insert(postRevisions).values({
    postId,
    revision: updated!.revision,
    editorId: draft.authorId,
    title,
    bodySource: draft.source,
    createdAt: draft.editedAt ?? new Date(),
  });
}

/** Adds the tags of many threads in two statements (tag counters are recounted at the end). */
async function tagThreads(tx: Executor, entries: { threadId: number; slugs: string[] }[]) {
  const slugs = [...new Set(entries.flatMap((entry) => entry.slugs))];
  const idOf = new Map((await upsertTags(tx, slugs)).map((tag) => [tag.slug, tag.id]));
  const rows = entries.flatMap(({ threadId, slugs: own }) =>
    own.map((slug) => ({ threadId, tagId: idOf.get(slug)! })),
  );
  if (rows.length) await tx.insert(threadTags).values(rows).onConflictDoNothing();
}

interface Split<T extends PostDraft> {
  fresh: T[];
  changed: { draft: T; localId: number }[];
}

function splitByMapping<T extends PostDraft>(drafts: T[], mapping: MappingTable): Split<T> {
  const fresh: T[] = [];
  const changed: { draft: T; localId: number }[] = [];
  for (const draft of drafts) {
    const known = mapping.get(draft.externalId);
    if (!known) fresh.push(draft);
    else if (known.contentHash !== draft.hash) changed.push({ draft, localId: known.localId });
  }
  return { fresh, changed };
}

async function finishBatch(
  tx: Executor,
  context: ImportContext,
  entity: MappedEntity,
  written: { draft: PostDraft; localId: number }[],
  search: { threadIds: number[]; postIds: number[] },
  counts: { added: number; updated: number },
) {
  const rows = written.map(({ draft, localId }) => ({
    externalId: draft.externalId,
    localId,
    contentHash: draft.hash,
  }));
  await saveMappings(tx, context.source, entity, rows);
  await queueSearchUpdates(tx, [
    { documentType: 'thread', documentIds: [...new Set(search.threadIds)] },
    { documentType: 'post', documentIds: search.postIds },
  ]);
  await recordEvent(tx, {
    type: 'import.batch',
    topics: [`group:${context.groupId}`],
    payload: { source: context.source, entity, ...counts },
  });
  return rows;
}

/** Imports the questions; returns where each question's opening post lives. */
export async function importQuestions(
  context: ImportContext,
  questions: DumpPost[],
  authorOf: (post: DumpPost) => number,
): Promise<{ placed: Map<string, PlacedPost>; counts: EntityCounts }> {
  const { db, groupId } = context;
  const mapping = await loadMappings(db, context.source, 'question');
  const drafts = questions.map((post) => questionDraft(post, authorOf(post)));
  const { fresh, changed } = splitByMapping(drafts, mapping);
  let done = 0;
  const total = fresh.length + changed.length;
  for (const batch of batches(fresh, context.batchSize)) {
    await db.transaction(async (tx) => {
      const threadRows = await tx
        .insert(threads)
        .values(
          batch.map((draft) => ({
            groupId,
            authorId: draft.authorId,
            kind: 'question' as const,
            title: draft.title,
            status: draft.locked ? ('locked' as const) : ('open' as const),
            score: draft.score,
            createdAt: draft.createdAt,
            lastActivityAt: draft.createdAt,
          })),
        )
        .returning({ id: threads.id });
      const threadIds = threadRows.map((row) => row.id);
      const postIds = await insertPosts(
        tx,
        'opening',
        batch.map((draft, index) => ({ draft, threadId: threadIds[index]!, title: draft.title })),
      );
      await tagThreads(
        tx,
        batch.map((draft, index) => ({ threadId: threadIds[index]!, slugs: draft.tags })),
      );
      const written = batch.map((draft, index) => ({ draft, localId: threadIds[index]! }));
      const rows = await finishBatch(
        tx,
        context,
        'question',
        written,
        { threadIds, postIds },
        {
          added: batch.length,
          updated: 0,
        },
      );
      for (const row of rows) mapping.set(row.externalId, row);
    });
    done += batch.length;
    context.progress('questions', done, total);
  }
  for (const batch of batches(changed, context.batchSize)) {
    await db.transaction(async (tx) => {
      const postIds: number[] = [];
      for (const { draft, localId } of batch) {
        await tx
          .update(threads)
          .set({
            title: draft.title,
            status: draft.locked ? 'locked' : 'open',
            score: draft.score,
          })
          .where(eq(threads.id, localId));
        const [opening] = await tx
          .select({ id: posts.id })
          .from(posts)
          .where(and(eq(posts.threadId, localId), eq(posts.kind, 'opening')));
        await updatePost(tx, opening!.id, draft, draft.title);
        await tx.delete(threadTags).where(eq(threadTags.threadId, localId));
        await tagThreads(tx, [{ threadId: localId, slugs: draft.tags }]);
        postIds.push(opening!.id);
      }
      const threadIds = batch.map((entry) => entry.localId);
      const rows = await finishBatch(
        tx,
        context,
        'question',
        batch,
        { threadIds, postIds },
        {
          added: 0,
          updated: batch.length,
        },
      );
      for (const row of rows) mapping.set(row.externalId, row);
    });
    done += batch.length;
    context.progress('questions', done, total);
  }
  const placed = await placeQuestions(db, mapping);
  return {
    placed,
    counts: {
      added: fresh.length,
      updated: changed.length,
      unchanged: drafts.length - fresh.length - changed.length,
    },
  };
}

/** Question external id → its thread and opening post, for every question this source imported. */
async function placeQuestions(db: Executor, mapping: MappingTable) {
  const byThread = new Map([...mapping].map(([externalId, row]) => [row.localId, externalId]));
  const placed = new Map<string, PlacedPost>();
  const threadIds = [...byThread.keys()];
  for (const slice of batches(threadIds, 5000)) {
    const rows = await db
      .select({ postId: posts.id, threadId: posts.threadId })
      .from(posts)
      .where(and(inArray(posts.threadId, slice), eq(posts.kind, 'opening')));
    for (const row of rows) placed.set(byThread.get(row.threadId)!, row);
  }
  return placed;
}

/** Post external id → where it lives, for answers or comments already imported. */
async function placePosts(db: Executor, mapping: MappingTable) {
  const byPost = new Map([...mapping].map(([externalId, row]) => [row.localId, externalId]));
  const placed = new Map<string, PlacedPost>();
  for (const slice of batches([...byPost.keys()], 5000)) {
    const rows = await db
      .select({ postId: posts.id, threadId: posts.threadId })
      .from(posts)
      .where(inArray(posts.id, slice));
    for (const row of rows) placed.set(byPost.get(row.postId)!, row);
  }
  return placed;
}

/**
 * Imports answers or comments: posts of `kind` in the thread `threadOf` names (records whose
 * thread is unknown were filtered out by the caller). Returns where each one lives.
 */
export async function importThreadPosts<T extends { id: string }>(
  context: ImportContext,
  entity: 'answer' | 'comment',
  records: T[],
  draftOf: (record: T) => PostDraft,
  threadOf: (record: T) => number,
): Promise<{ placed: Map<string, PlacedPost>; counts: EntityCounts }> {
  const { db } = context;
  const kind = entity === 'answer' ? 'answer' : 'reply';
  const mapping = await loadMappings(db, context.source, entity);
  const threadByExternal = new Map(records.map((record) => [record.id, threadOf(record)]));
  const { fresh, changed } = splitByMapping(records.map(draftOf), mapping);
  let done = 0;
  const total = fresh.length + changed.length;
  for (const batch of batches(fresh, context.batchSize)) {
    await db.transaction(async (tx) => {
      const items = batch.map((draft) => ({
        draft,
        threadId: threadByExternal.get(draft.externalId)!,
        title: null,
      }));
      const postIds = await insertPosts(tx, kind, items);
      const written = batch.map((draft, index) => ({ draft, localId: postIds[index]! }));
      const threadIds = items.map((item) => item.threadId);
      const rows = await finishBatch(
        tx,
        context,
        entity,
        written,
        { threadIds, postIds },
        {
          added: batch.length,
          updated: 0,
        },
      );
      for (const row of rows) mapping.set(row.externalId, row);
    });
    done += batch.length;
    context.progress(`${entity}s`, done, total);
  }
  for (const batch of batches(changed, context.batchSize)) {
    await db.transaction(async (tx) => {
      for (const { draft, localId } of batch) await updatePost(tx, localId, draft, null);
      const threadIds = batch.map((entry) => threadByExternal.get(entry.draft.externalId)!);
      const postIds = batch.map((entry) => entry.localId);
      const rows = await finishBatch(
        tx,
        context,
        entity,
        batch,
        { threadIds, postIds },
        {
          added: 0,
          updated: batch.length,
        },
      );
      for (const row of rows) mapping.set(row.externalId, row);
    });
    done += batch.length;
    context.progress(`${entity}s`, done, total);
  }
  return {
    placed: await placePosts(db, mapping),
    counts: {
      added: fresh.length,
      updated: changed.length,
      unchanged: records.length - fresh.length - changed.length,
    },
  };
}

export { answerDraft, commentDraft };
