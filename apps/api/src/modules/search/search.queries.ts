// Database reads for search and discovery: which groups the viewer may read, and the signals
// the engine doesn't hold (who answered what, the viewer's tags, departments and sites).
import { rawQuery, type Executor } from '@serendip/db';
import type { ReadableGroups } from '@serendip/search';
import { isStaff, type Viewer } from '../../plugins/session.ts';

/** Public groups, the viewer's private groups; every group for staff. */
export async function readableGroupIds(db: Executor, viewer: Viewer): Promise<ReadableGroups> {
  if (isStaff(viewer)) return 'all';
  const rows = await rawQuery(db)<{ id: number }>(
    `select g.id from groups g where g.visibility = 'public'
     union select m.group_id from memberships m where m.user_id = $1`,
    [viewer.id],
  );
  return rows.map((row) => row.id);
}

/** For each candidate thread, how many of the source thread's answerers also answered it. */
export async function sharedAnswererCounts(
  db: Executor,
  sourceThreadId: number,
  candidateIds: number[],
): Promise<Map<number, number>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await rawQuery(db)<{ thread_id: number; shared: number }>(
    `select p.thread_id, count(distinct p.author_id)::int as shared
     from posts p
     where p.thread_id = any($2::int[]) and p.kind = 'answer' and p.state = 'published'
       and p.deleted_at is null
       and p.author_id in (select a.author_id from posts a where a.thread_id = $1
         and a.kind = 'answer' and a.state = 'published' and a.deleted_at is null)
     group by p.thread_id`,
    [sourceThreadId, candidateIds],
  );
  return new Map(rows.map((row) => [Number(row.thread_id), Number(row.shared)]));
}

/**
 * Only threads others may read: a new member's question waiting for a moderator (or one that was
 * rejected or hidden) has an opening post that is not published, and must not be recommended.
 */
const PUBLISHED_OPENING = `exists (select 1 from posts op where op.thread_id = t.id
  and op.kind = 'opening' and op.state = 'published' and op.deleted_at is null)`;

export interface DiscoverCandidate {
  id: number;
  title: string;
  group_slug: string;
  group_name: string;
  answered: boolean;
  score: number;
  created_at: string | Date;
  /** The author's department and site; null for anonymous questions. */
  department: string | null;
  site: string | null;
  matched_tags: string[];
  interest: number;
}

/**
 * Threads of public groups the viewer is not in, written by others: those carrying the viewer's
 * interests (interests count double, skills and tags of threads they took part in once), and
 * the best-voted recent ones as a fallback.
 */
export async function discoverCandidates(
  db: Executor,
  viewerId: number,
  limit: number,
): Promise<{ me: { department: string; site: string }; candidates: DiscoverCandidate[] }> {
  const run = rawQuery(db);
  const [me] = await run<{ department: string; site: string }>(
    'select department, site from users where id = $1',
    [viewerId],
  );
  const candidates = await run<DiscoverCandidate>(
    `with interests as (
       select tag_id, max(weight) as weight from (
         select tag_id, case when kind = 'interest' then 2.0 else 1.0 end as weight
         from user_tags where user_id = $1
         union all
         select tt.tag_id, 1.0 from posts p join thread_tags tt on tt.thread_id = p.thread_id
         where p.author_id = $1 and p.deleted_at is null) w
       group by tag_id),
     mine as (select group_id from memberships where user_id = $1),
     by_interest as (
       select tt.thread_id, sum(i.weight) as interest, array_agg(tg.slug order by i.weight desc) as matched
       from interests i join thread_tags tt on tt.tag_id = i.tag_id join tags tg on tg.id = i.tag_id
       group by tt.thread_id),
     pool as (
       select b.thread_id as id, b.interest, b.matched from by_interest b
       join threads t on t.id = b.thread_id
       where t.deleted_at is null and t.author_id <> $1 and ${PUBLISHED_OPENING}
         and t.group_id not in (select group_id from mine)
       order by b.interest desc, t.score desc, t.created_at desc limit $2
     ),
     popular as (
       select t.id, 0::float8 as interest, '{}'::text[] as matched from threads t
       where t.deleted_at is null and t.author_id <> $1 and ${PUBLISHED_OPENING}
         and t.group_id not in (select group_id from mine)
         and t.created_at > now() - interval '180 days'
       order by t.score desc, t.created_at desc limit $2)
     select t.id, t.title, g.slug as group_slug, g.name as group_name,
       (t.accepted_post_id is not null or t.answer_count > 0) as answered, t.score, t.created_at,
       case when t.is_anonymous then null else u.department end as department,
       case when t.is_anonymous then null else u.site end as site,
       c.matched as matched_tags, c.interest
     from (select distinct on (id) * from (select * from pool union all select * from popular) x
           order by id, interest desc) c
     join threads t on t.id = c.id
     join groups g on g.id = t.group_id and g.visibility = 'public'
     join users u on u.id = t.author_id`,
    [viewerId, limit * 6],
  );
  return { me: me ?? { department: '', site: '' }, candidates };
}

export interface AnswerableQuestion {
  id: number;
  title: string;
  group_slug: string;
  group_name: string;
  score: number;
  created_at: string | Date;
  matched_tags: string[];
  match: number;
  member: boolean;
}

/**
 * Open unanswered questions of groups the viewer may read, asked by others, carrying their skills
 * (double) or the tags of questions they answered; in their own groups otherwise.
 */
export async function answerableQuestions(
  db: Executor,
  viewer: Viewer,
  limit: number,
): Promise<AnswerableQuestion[]> {
  return rawQuery(db)<AnswerableQuestion>(
    `with expertise as (
       select tag_id, sum(weight) as weight from (
         select tag_id, 2.0 as weight from user_tags where user_id = $1 and kind = 'skill'
         union all
         select tt.tag_id, 0.5 from posts p join thread_tags tt on tt.thread_id = p.thread_id
         where p.author_id = $1 and p.kind = 'answer' and p.deleted_at is null) w
       group by tag_id),
     mine as (select group_id from memberships where user_id = $1)
     select t.id, t.title, g.slug as group_slug, g.name as group_name, t.score, t.created_at,
       coalesce(array_agg(tg.slug order by e.weight desc) filter (where tg.slug is not null),
         '{}') as matched_tags,
       coalesce(sum(e.weight), 0)::float8 as match,
       (t.group_id in (select group_id from mine)) as member
     from threads t
     join groups g on g.id = t.group_id
     left join thread_tags tt on tt.thread_id = t.id
     left join expertise e on e.tag_id = tt.tag_id
     left join tags tg on tg.id = e.tag_id
     where t.kind = 'question' and t.answer_count = 0 and t.deleted_at is null
       and t.status = 'open' and t.author_id <> $1 and ${PUBLISHED_OPENING}
       and ($3::boolean or g.visibility = 'public' or t.group_id in (select group_id from mine))
     group by t.id, g.id
     having sum(e.weight) > 0 or t.group_id in (select group_id from mine)
     order by match desc, t.created_at desc, t.id desc
     limit $2`,
    [viewer.id, limit, isStaff(viewer)],
  );
}
