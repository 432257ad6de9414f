// The last steps of an import: accepted answers, the dated anonymous votes, and every counter the
// forum keeps denormalised (answers, last activity, tag and group counts) recounted from the rows.
import { sql } from 'drizzle-orm';
import { importedVotes, type Executor } from '@serendip/db';
import { queueSearchUpdate } from '../../write-path.ts';
import type { DumpVote } from './dump-records.ts';
import type { PlacedPost } from './import-content.ts';
import type { ImportContext } from './import-context.ts';
import { batches } from './mappings.ts';

/** Sets each thread's accepted answer as the dump says (and clears one the dump no longer has). */
export async function applyAcceptedAnswers(
  context: ImportContext,
  accepted: { threadId: number; postId: number | null }[],
): Promise<number> {
  let changed = 0;
  for (const batch of batches(accepted, context.batchSize)) {
    await context.db.transaction(async (tx) => {
      const rows = await tx.execute(sql`
        update threads t set accepted_post_id = v."postId"
        from json_to_recordset(${JSON.stringify(batch)}::json) as v("threadId" int, "postId" int)
        where t.id = v."threadId" and t.accepted_post_id is distinct from v."postId"
        returning t.id`);
      const ids = rowsOf<{ id: number }>(rows).map((row) => row.id);
      changed += ids.length;
      await queueSearchUpdate(tx, 'thread', ids);
    });
  }
  return changed;
}

function rowsOf<Row>(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

const VOTE_KINDS: Record<number, { kind: 'accept' | 'up' | 'down'; value: 1 | -1 }> = {
  1: { kind: 'accept', value: 1 },
  2: { kind: 'up', value: 1 },
  3: { kind: 'down', value: -1 },
};

/**
 * Keeps one dated row per up, down and acceptance vote on an imported post. The dump names no
 * voter, so these never become `votes` rows (which need one); scores come from the dump's Score.
 */
export async function importVotes(
  context: ImportContext,
  votes: DumpVote[],
  placedPost: (externalPostId: string) => PlacedPost | undefined,
): Promise<{ added: number; skipped: number }> {
  const rows = votes.flatMap((vote) => {
    const place = placedPost(vote.postId);
    const kind = VOTE_KINDS[vote.typeId];
    if (!place || !kind) return [];
    return [
      {
        source: context.source,
        externalId: vote.id,
        postId: place.postId,
        kind: kind.kind,
        value: kind.value,
        createdAt: vote.createdAt,
      },
    ];
  });
  let added = 0;
  let done = 0;
  for (const batch of batches(rows, context.batchSize * 4)) {
    const inserted = await context.db
      .insert(importedVotes)
      .values(batch)
      .onConflictDoNothing()
      .returning({ id: importedVotes.id });
    added += inserted.length;
    done += batch.length;
    context.progress('votes', done, rows.length);
  }
  return { added, skipped: votes.length - rows.length };
}

/** Recounts what the services keep in step one change at a time, for the imported threads. */
export async function recountAfterImport(db: Executor, context: ImportContext): Promise<void> {
  const importedThreads = sql`(select local_id from import_mappings
    where source = ${context.source} and entity = 'question')`;
  await db.execute(sql`
    update threads t set
      answer_count = c.answers,
      last_activity_at = greatest(t.created_at, c.last_post_at)
    from (
      select thread_id,
        count(*) filter (where kind = 'answer' and deleted_at is null)::int as answers,
        max(created_at) filter (where deleted_at is null) as last_post_at
      from posts where thread_id in ${importedThreads} group by thread_id
    ) c
    where t.id = c.thread_id`);
  // Every tag, not only the imported threads' current ones: a re-import may have removed a tag.
  await db.execute(sql`
    update tags set thread_count = coalesce((
      select count(*) from thread_tags tt join threads t on t.id = tt.thread_id
      where tt.tag_id = tags.id and t.deleted_at is null), 0)`);
  await db.execute(sql`
    update groups g set
      thread_count = (select count(*) from threads t where t.group_id = g.id and t.deleted_at is null),
      member_count = (select count(*) from memberships m where m.group_id = g.id)
    where g.id = ${context.groupId}`);
}
