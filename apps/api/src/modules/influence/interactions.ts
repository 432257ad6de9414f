// Loads the forum's interactions from the database in the shape `@serendip/influence` scores:
// who asked, who answered whom, replies, votes, acceptances, thanks, each dated and placed in its
// group with the thread's tags, plus each person's department and site.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Executor } from '@serendip/db';
import type { Interaction, InteractionKind, Person } from '@serendip/influence';

export interface InteractionLoadOptions {
  /** Only what happened strictly before this instant (evaluations "as of" a date). */
  until?: Date;
  /**
   * Whether votes on questions (and discussion openings) count, as endorsements of their author.
   * Default false: ExpertiseRank measures who answers well, and a vote on a question rates the
   * question, not its author's ability to help.
   */
  includeOpeningVotes?: boolean;
}

export interface LoadedInteractions {
  interactions: Interaction[];
  people: Map<string, Person>;
}

interface InteractionRow {
  kind: InteractionKind;
  actor: string;
  target: string;
  at: Date | string;
  group_id: number;
  weight: number | null;
  tags: string[] | null;
}

/**
 * Each thread's tag slugs, aggregated once per query and joined (a subquery per row cost seconds
 * on a few thousand interactions): interactions about a thread carry its tags.
 */
const withThreadTags = sql`with thread_tag_lists as (
    select tt.thread_id, array_agg(g.slug order by g.slug) as tags
    from thread_tags tt join tags g on g.id = tt.tag_id group by tt.thread_id
  )`;
const joinThreadTags = sql`left join thread_tag_lists tl on tl.thread_id = t.id`;
const tagsOfThread = sql`coalesce(tl.tags, '{}')`;

/**
 * The asker of an anonymous question is never named: their side of the question is a stand-in
 * per thread, so scores cannot reveal who asked.
 */
const askerOf = sql`case when t.is_anonymous then 'anonymous-asker:' || t.id else t.author_id::text end`;

/** Live content only: no deleted thread, and posts that are published and not deleted. */
const liveThread = sql`t.deleted_at is null`;
const livePost = sql`p.deleted_at is null and p.state = 'published'`;

function interactionQueries(until: Date | undefined, includeOpeningVotes: boolean): SQL[] {
  const before = (column: SQL) => (until ? sql`and ${column} < ${until.toISOString()}` : sql``);
  const votedPosts = includeOpeningVotes ? sql`true` : sql`p.kind <> 'opening'`;
  return [
    sql`${withThreadTags} select 'question' as kind, ${askerOf} as actor, ${askerOf} as target,
        t.created_at as at, t.group_id, null::int as weight, ${tagsOfThread} as tags
      from threads t ${joinThreadTags} where t.kind = 'question' and ${liveThread} ${before(sql`t.created_at`)}`,
    // Answers to questions, and replies in discussions (the package's `reply`). Replies under a
    // question (imported comments) are clarifications, not help given: they are left out.
    sql`${withThreadTags} select case when p.kind = 'answer' then 'answer' else 'reply' end as kind,
        p.author_id::text as actor, ${askerOf} as target, p.created_at as at, t.group_id,
        null::int as weight, ${tagsOfThread} as tags
      from posts p join threads t on t.id = p.thread_id ${joinThreadTags}
      where (p.kind = 'answer' or (p.kind = 'reply' and t.kind = 'discussion'))
        and ${livePost} and ${liveThread} ${before(sql`p.created_at`)}`,
    // Votes of members (the voter is known, never shown: scores only count them).
    sql`${withThreadTags} select 'vote' as kind, v.user_id::text as actor,
        p.author_id::text as target, v.created_at as at, t.group_id, v.value::int as weight,
        ${tagsOfThread} as tags
      from votes v join posts p on p.id = v.post_id join threads t on t.id = p.thread_id
        ${joinThreadTags}
      where ${votedPosts} and ${livePost} and ${liveThread} ${before(sql`v.created_at`)}`,
    // Imported votes name no voter: each is its own anonymous voter, so every vote counts once.
    sql`${withThreadTags} select 'vote' as kind, 'anonymous-voter:' || iv.id as actor,
        p.author_id::text as target, iv.created_at as at, t.group_id, iv.value::int as weight,
        ${tagsOfThread} as tags
      from imported_votes iv join posts p on p.id = iv.post_id join threads t on t.id = p.thread_id
        ${joinThreadTags}
      where iv.kind in ('up', 'down') and ${votedPosts} and ${livePost} and ${liveThread}
        ${before(sql`iv.created_at`)}`,
    // The current acceptance of each thread, dated by the acceptance event (or the imported
    // acceptance vote); without either, by the answer itself.
    sql`${withThreadTags} select 'accept' as kind, ${askerOf} as actor, p.author_id::text as target,
        coalesce(accepted.at, imported.at, p.created_at) as at, t.group_id, null::int as weight,
        ${tagsOfThread} as tags
      from threads t join posts p on p.id = t.accepted_post_id ${joinThreadTags}
      left join (
        select (payload->>'threadId')::int as thread_id, (payload->>'acceptedPostId')::int as post_id,
          max(created_at) as at
        from events where type = 'answer.accepted' group by 1, 2
      ) accepted on accepted.thread_id = t.id and accepted.post_id = p.id
      left join (
        select post_id, max(created_at) as at from imported_votes where kind = 'accept'
        group by post_id
      ) imported on imported.post_id = p.id
      where ${livePost} and ${liveThread}
        ${before(sql`coalesce(accepted.at, imported.at, p.created_at)`)}`,
    sql`${withThreadTags} select 'rating' as kind, th.from_user_id::text as actor,
        th.to_user_id::text as target, th.created_at as at, t.group_id, th.rating::int as weight,
        ${tagsOfThread} as tags
      from thanks th join threads t on t.id = th.thread_id ${joinThreadTags}
      where ${liveThread} ${before(sql`th.created_at`)}`,
  ];
}

function toInteraction(row: InteractionRow): Interaction {
  const interaction: Interaction = {
    kind: row.kind,
    actor: row.actor,
    target: row.target,
    at: new Date(row.at).getTime(),
    groupId: String(row.group_id),
    tags: row.tags ?? [],
  };
  if (row.weight !== null) interaction.weight = row.weight;
  return interaction;
}

/** Every interaction (before `until` when given) and every person's department and site. */
export async function loadInteractions(
  db: Executor,
  options: InteractionLoadOptions = {},
): Promise<LoadedInteractions> {
  const interactions: Interaction[] = [];
  for (const query of interactionQueries(options.until, options.includeOpeningVotes ?? false)) {
    const rows = await selectRows<InteractionRow>(db, query);
    for (const row of rows) interactions.push(toInteraction(row));
  }
  interactions.sort((a, b) => a.at - b.at);
  const people = new Map<string, Person>();
  const userRows = await selectRows<{ id: number; department: string; site: string }>(
    db,
    sql`select id, department, site from users where deleted_at is null`,
  );
  for (const row of userRows) {
    people.set(String(row.id), { department: row.department, site: row.site });
  }
  return { interactions, people };
}
