// Imports a Stack Exchange data dump (Users, Posts, Comments, Votes .xml) into one group:
// people, question threads with tags, answers, accepted answers, comments as replies, dated votes.
// Idempotent through `import_mappings`; one transaction per batch; search documents queued.
import type { Database } from '@serendip/db';
import { recordEvent } from '../../write-path.ts';
import {
  readComments,
  readPosts,
  readUsers,
  readVotes,
  type DumpComment,
  type DumpPost,
} from './dump-records.ts';
import {
  answerDraft,
  commentDraft,
  importQuestions,
  importThreadPosts,
  type PlacedPost,
} from './import-content.ts';
import type { EntityCounts, ImportContext } from './import-context.ts';
import { applyAcceptedAnswers, importVotes, recountAfterImport } from './import-finish.ts';
import { authorKey, ensureGroup, importPeople, peopleToImport } from './import-people.ts';

export { DumpFormatError } from './dump-reader.ts';

export interface ImportOptions {
  /** The dump folder: Users.xml, Posts.xml, Comments.xml and Votes.xml. */
  dir: string;
  groupSlug: string;
  /** Name of the group when it has to be created (default: the slug). */
  groupName?: string;
  /** Records per transaction (default 500). */
  batchSize?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ImportSummary {
  groupId: number;
  groupCreated: boolean;
  users: EntityCounts;
  questions: EntityCounts;
  answers: EntityCounts;
  comments: EntityCounts;
  votesAdded: number;
  acceptedChanged: number;
  /** Records left out because what they belong to is not in the dump (deleted posts). */
  skipped: { answers: number; comments: number; votes: number };
  seconds: number;
}

export const importSource = (groupSlug: string) => `stackexchange/${groupSlug}`;

async function readDump(dir: string) {
  // Everything is read and checked before the first write: a malformed file changes nothing.
  const posts = await readPosts(dir);
  const users = await readUsers(dir);
  const comments = await readComments(dir);
  const votes = await readVotes(dir);
  const questions = posts.filter((post) => post.type === 1);
  const questionIds = new Set(questions.map((post) => post.id));
  const answers = posts.filter((post) => post.type === 2 && questionIds.has(post.parentId!));
  const postIds = new Set([...questionIds, ...answers.map((post) => post.id)]);
  const keptComments = comments.filter((comment) => postIds.has(comment.postId));
  return {
    users,
    questions,
    answers,
    comments: keptComments,
    votes,
    skipped: {
      answers: posts.length - questions.length - answers.length,
      comments: comments.length - keptComments.length,
    },
  };
}

/** Each author's external key with the date of their first post or comment. */
function authorsOf(records: (DumpPost | DumpComment)[]): Map<string, Date> {
  const authors = new Map<string, Date>();
  for (const record of records) {
    const key =
      'ownerUserId' in record
        ? authorKey(record.ownerUserId, record.ownerDisplayName)
        : authorKey(record.userId, record.userDisplayName);
    const seen = authors.get(key);
    if (!seen || record.createdAt < seen) authors.set(key, record.createdAt);
  }
  return authors;
}

export async function importStackExchange(
  db: Database,
  options: ImportOptions,
): Promise<ImportSummary> {
  const startedAt = performance.now();
  const dump = await readDump(options.dir);
  const group = await ensureGroup(db, options.groupSlug, options.groupName ?? options.groupSlug);
  const context: ImportContext = {
    db,
    source: importSource(options.groupSlug),
    groupId: group.id,
    groupSlug: options.groupSlug,
    batchSize: options.batchSize ?? 500,
    progress: options.onProgress ?? (() => {}),
  };

  const allRecords = [...dump.questions, ...dump.answers, ...dump.comments];
  const people = await importPeople(context, peopleToImport(dump.users, authorsOf(allRecords)));
  const userId = (key: string) => people.mapping.get(key)!.localId;
  const postAuthor = (post: DumpPost) => userId(authorKey(post.ownerUserId, post.ownerDisplayName));

  const questions = await importQuestions(context, dump.questions, postAuthor);
  const answers = await importThreadPosts(
    context,
    'answer',
    dump.answers,
    (post) => answerDraft(post, postAuthor(post)),
    (post) => questions.placed.get(post.parentId!)!.threadId,
  );
  const placedPost = (externalId: string): PlacedPost | undefined =>
    questions.placed.get(externalId) ?? answers.placed.get(externalId);
  const comments = await importThreadPosts(
    context,
    'comment',
    dump.comments,
    (comment) => commentDraft(comment, userId(authorKey(comment.userId, comment.userDisplayName))),
    (comment) => placedPost(comment.postId)!.threadId,
  );

  const acceptedChanged = await applyAcceptedAnswers(
    context,
    dump.questions.map((question) => ({
      threadId: questions.placed.get(question.id)!.threadId,
      postId: question.acceptedAnswerId
        ? (answers.placed.get(question.acceptedAnswerId)?.postId ?? null)
        : null,
    })),
  );
  const votes = await importVotes(context, dump.votes, placedPost);
  await db.transaction(async (tx) => {
    await recountAfterImport(tx, context);
    await recordEvent(tx, {
      type: 'import.completed',
      topics: [`group:${group.id}`],
      payload: {
        source: context.source,
        questions: questions.counts,
        answers: answers.counts,
        comments: comments.counts,
      },
    });
  });

  return {
    groupId: group.id,
    groupCreated: group.created,
    users: people.counts,
    questions: questions.counts,
    answers: answers.counts,
    comments: comments.counts,
    votesAdded: votes.added,
    acceptedChanged,
    skipped: { ...dump.skipped, votes: votes.skipped },
    seconds: Math.round((performance.now() - startedAt) / 100) / 10,
  };
}
