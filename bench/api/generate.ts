// Generates a realistic site of ~100k posts straight in SQL (INSERT ... SELECT over
// generate_series, seeded randomness), with every denormalised counter consistent with its rows.
// Run alone with `tsx bench/api/generate.ts` to (re)create the serendip_bench database.
import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { renderMarkdown } from '../../packages/markdown/src/index.ts';
import { freshDatabase, openSql, type Sql } from '../lib/database.ts';
import {
  answerTemplates,
  departments,
  firstNames,
  groupSeeds,
  jobTitles,
  lastNames,
  openingTemplates,
  sites,
  titleContexts,
  titlePatterns,
  titleSubjects,
} from './site-content.ts';

export const USER_COUNT = 2000;
export const THREAD_COUNT = 10_650;
/** The thread every read scenario can hit: one opening post and 49 answers, in a public group. */
export const HOT_THREAD_ID = 1;
const HOT_THREAD_POSTS = 50;
const READ_THREAD_COUNT = 500;
const SEED = 0.4242;

export interface PostingSession {
  cookie: string;
  csrfToken: string;
}

export interface SiteFixture {
  hotThreadId: number;
  /** Open threads of public groups, to spread reads and writes over many rows. */
  readThreadIds: number[];
  /** Public groups with many threads, for the list scenario. */
  listGroupSlugs: string[];
  /** One signed-in session per generated user (inserted directly: registration is rate limited). */
  postingSessions: PostingSession[];
  counts: Record<'users' | 'groups' | 'threads' | 'posts' | 'votes' | 'tags', number>;
  seconds: number;
}

const text = (sql: Sql, values: string[]) => sql.array(values, 25);
const int = (sql: Sql, values: number[]) => sql.array(values, 23);

async function insertPeople(sql: Sql): Promise<void> {
  await sql`
    insert into users (id, email, handle, display_name, job_title, department, site, locale,
                       trust_level, created_at)
    overriding system value
    select i, 'user' || i || '@bench.example', 'user' || i,
           (${text(sql, firstNames)}::text[])[1 + (i * 7) % ${firstNames.length}] || ' ' ||
             (${text(sql, lastNames)}::text[])[1 + (i * 13) % ${lastNames.length}],
           (${text(sql, jobTitles)}::text[])[1 + (i * 3) % ${jobTitles.length}],
           (${text(sql, departments)}::text[])[1 + (i * 11) % ${departments.length}],
           (${text(sql, sites)}::text[])[1 + (i * 5) % ${sites.length}],
           (case when i % 3 = 0 then 'en' else 'fr' end)::locale,
           1, -- established members: their posts are screened, not held for review
           now() - interval '900 days' + i * interval '2 hours'
    from generate_series(1, ${USER_COUNT}) i`;
}

async function insertGroups(sql: Sql): Promise<void> {
  await sql`
    insert into groups (id, slug, name, description, kind, visibility, created_at)
    overriding system value
    select g.ord, g.slug, g.name, 'Questions and know-how about ' || lower(g.name) || '.',
           g.kind::group_kind, g.visibility::group_visibility, now() - interval '950 days'
    from unnest(${text(
      sql,
      groupSeeds.map((g) => g.slug),
    )}::text[],
                ${text(
                  sql,
                  groupSeeds.map((g) => g.name),
                )}::text[],
                ${text(
                  sql,
                  groupSeeds.map((g) => g.kind),
                )}::text[],
                ${text(
                  sql,
                  groupSeeds.map((g) => g.visibility),
                )}::text[])
         with ordinality g(slug, name, kind, visibility, ord)`;
  // Bigger groups first: group 1 gets about half of the people, the last ones about 6%.
  await sql`
    with pair as materialized (
      select g.id as group_id, u.id as user_id, u.created_at, random() as r
      from groups g cross join users u)
    insert into memberships (group_id, user_id, role, joined_at)
    select group_id, user_id, 'member', created_at + r * interval '200 days'
    from pair where r < 0.04 + 0.5 / group_id`;
  // The earliest member owns the group and the next two moderate it.
  await sql`
    update memberships m set role = (case when r.rank = 1 then 'owner' else 'moderator' end)::membership_role
    from (select group_id, user_id, row_number() over (partition by group_id order by user_id) rank
          from memberships) r
    where r.group_id = m.group_id and r.user_id = m.user_id and r.rank <= 3`;
  await sql`
    create temp table member_rank on commit drop as
    select group_id, user_id,
           row_number() over (partition by group_id order by user_id)::int as rank
    from memberships`;
  await sql`create index on member_rank (group_id, rank)`;
  await sql`
    update groups g set member_count = c.members, created_by = c.owner
    from (select group_id, count(*)::int members, min(user_id) owner
          from memberships group by group_id) c
    where g.id = c.group_id`;
}

/** Tags: each group's usual six first (by group), ids in order of first appearance. */
async function insertTags(sql: Sql): Promise<{ tagCount: number }> {
  const slugs = [...new Set(groupSeeds.flatMap((g) => g.tags))];
  await sql`
    insert into tags (id, slug, created_at) overriding system value
    select ord, slug, now() - interval '950 days'
    from unnest(${text(sql, slugs)}::text[]) with ordinality t(slug, ord)`;
  const groupIds: number[] = [];
  const ranks: number[] = [];
  const tagIds: number[] = [];
  groupSeeds.forEach((group, index) =>
    group.tags.forEach((slug, rank) => {
      groupIds.push(index + 1);
      ranks.push(rank + 1);
      tagIds.push(slugs.indexOf(slug) + 1);
    }),
  );
  await sql`
    create temp table group_tag on commit drop as
    select * from unnest(${int(sql, groupIds)}::int[], ${int(sql, ranks)}::int[],
                         ${int(sql, tagIds)}::int[]) t(group_id, rank, tag_id)`;
  return { tagCount: slugs.length };
}

/** Who writes what and when, decided once in temp tables so counters can be derived exactly. */
async function planThreadsAndPosts(sql: Sql): Promise<void> {
  // Group sizes are skewed like the memberships; answers per thread 1..20, most threads few;
  // 5% of questions have none yet. Thread 1 is the hot thread.
  await sql`
    create temp table thread_seed on commit drop as
    select i as id,
           case when i = ${HOT_THREAD_ID} then 1
                else (1 + floor(30 * power(random(), 1.6)))::int end as group_id,
           (case when i = ${HOT_THREAD_ID} or random() < 0.7 then 'question'
                 else 'discussion' end)::thread_kind as kind,
           case when i = ${HOT_THREAD_ID} then ${HOT_THREAD_POSTS - 1}
                when random() < 0.05 then 0
                else (1 + floor(20 * power(random(), 1.4)))::int end as answers,
           now() - interval '10 days' - random() * interval '700 days' as created_at,
           (5 + random() * 600) * interval '1 minute' as answer_gap,
           i <> ${HOT_THREAD_ID} and random() < 0.03 as is_anonymous,
           i <> ${HOT_THREAD_ID} and random() < 0.01 as locked,
           i = ${HOT_THREAD_ID} or random() < 0.45 as accepts,
           (1 + floor(5 * power(random(), 1.5)))::int as tag_count,
           random() as author_pick
    from generate_series(1, ${THREAD_COUNT}) i`;
  await sql`
    create temp table thread_plan on commit drop as
    select s.*, m.user_id as author_id
    from thread_seed s
    join groups g on g.id = s.group_id
    join member_rank m on m.group_id = s.group_id
                      and m.rank = 1 + floor(s.author_pick * g.member_count)::int`;
  await sql`
    create temp table post_seed on commit drop as
    select t.id as thread_id, k, t.group_id, t.kind as thread_kind, t.author_id as thread_author,
           t.created_at + k * t.answer_gap as created_at, random() as author_pick,
           floor(12 * power(random(), 3))::int as vote_count
    from thread_plan t cross join lateral generate_series(0, t.answers) k`;
  await sql`
    create temp table post_plan on commit drop as
    select row_number() over (order by p.thread_id, p.k)::int as id, p.thread_id, p.k,
           (case when p.k = 0 then 'opening' when p.thread_kind = 'question' then 'answer'
                 else 'reply' end)::post_kind as kind,
           case when p.k = 0 then p.thread_author else m.user_id end as author_id,
           case when p.k = 0 then 1 + p.thread_id % ${openingTemplates.length}
                else ${openingTemplates.length + 1} + (p.thread_id * 7 + p.k * 13) % ${answerTemplates.length}
           end as template_id,
           p.created_at, p.vote_count
    from post_seed p
    join groups g on g.id = p.group_id
    join member_rank m on m.group_id = p.group_id
                      and m.rank = 1 + floor(p.author_pick * g.member_count)::int`;
  // Distinct voters per post: 729 is coprime with 2000, so v * 729 mod 2000 never repeats.
  await sql`
    create temp table vote_plan on commit drop as
    select p.id as post_id, ((p.id::bigint * 7919 + v * 729) % ${USER_COUNT} + 1)::int as user_id,
           (case when random() < 0.88 then 1 else -1 end)::smallint as value,
           p.created_at + v * interval '3 hours' as created_at
    from post_plan p cross join lateral generate_series(1, p.vote_count) v`;
  await sql`delete from vote_plan v using post_plan p where p.id = v.post_id and p.author_id = v.user_id`;
  await sql`
    create temp table post_score on commit drop as
    select post_id, sum(value)::int as score from vote_plan group by post_id`;
  await sql`alter table post_score add primary key (post_id)`;
}

async function insertPostTemplates(sql: Sql): Promise<void> {
  const sources = [...openingTemplates, ...answerTemplates];
  const html = sources.map((source) => renderMarkdown(source));
  await sql`
    create temp table post_template on commit drop as
    select ord::int as id, source, html
    from unnest(${text(sql, sources)}::text[], ${text(sql, html)}::text[])
         with ordinality t(source, html, ord)`;
}

async function insertThreadsAndPosts(sql: Sql, tagCount: number): Promise<void> {
  await sql`
    insert into threads (id, group_id, author_id, kind, title, is_anonymous, status, answer_count,
                         score, created_at, last_activity_at)
    overriding system value
    select t.id, t.group_id, t.author_id, t.kind,
           replace((${text(sql, titlePatterns)}::text[])[1 + t.id % ${titlePatterns.length}], '%s',
                   (${text(sql, titleSubjects)}::text[])[1 + (t.id / ${titlePatterns.length}) % ${titleSubjects.length}])
             || (${text(sql, titleContexts)}::text[])[1 + (t.id / ${titlePatterns.length * titleSubjects.length}) % ${titleContexts.length}],
           t.is_anonymous, (case when t.locked then 'locked' else 'open' end)::thread_status,
           t.answers, coalesce(s.score, 0), t.created_at, t.created_at + t.answers * t.answer_gap
    from thread_plan t
    join post_plan o on o.thread_id = t.id and o.k = 0
    left join post_score s on s.post_id = o.id`;
  await sql`
    insert into posts (id, thread_id, author_id, kind, body_source, body_html, score, created_at)
    overriding system value
    select p.id, p.thread_id, p.author_id, p.kind, tpl.source, tpl.html, coalesce(s.score, 0),
           p.created_at
    from post_plan p
    join post_template tpl on tpl.id = p.template_id
    left join post_score s on s.post_id = p.id`;
  await sql`
    insert into votes (post_id, user_id, value, created_at)
    select post_id, user_id, value, created_at from vote_plan`;
  // Authors follow their threads and the threads they answered, as the API does on write.
  await sql`
    insert into follows (user_id, target_type, target_id, created_at)
    select author_id, 'thread', thread_id, min(created_at) from post_plan
    group by author_id, thread_id`;
  // The accepted answer is the best-voted one, on about 45% of answered questions.
  await sql`
    update threads t set accepted_post_id = a.post_id
    from (select distinct on (p.thread_id) p.thread_id, p.id as post_id
          from post_plan p
          join thread_plan tp on tp.id = p.thread_id
          left join post_score s on s.post_id = p.id
          where p.k > 0 and tp.kind = 'question' and tp.accepts
          order by p.thread_id, coalesce(s.score, 0) desc, p.id) a
    where t.id = a.thread_id`;
  // Mostly the group's usual tags, sometimes any popular tag; 1..5 distinct tags per thread.
  await sql`
    create temp table tag_pick on commit drop as
    select t.id as thread_id, t.group_id, random() < 0.8 as usual, random() as r
    from thread_plan t cross join lateral generate_series(1, t.tag_count)`;
  await sql`
    insert into thread_tags (thread_id, tag_id)
    select distinct p.thread_id,
           case when p.usual then gt.tag_id else 1 + floor(${tagCount} * power(p.r, 2))::int end
    from tag_pick p
    left join group_tag gt on gt.group_id = p.group_id
                          and gt.rank = 1 + floor(6 * power(p.r, 1.3))::int`;
}

async function updateCounters(sql: Sql): Promise<void> {
  await sql`
    update tags t set thread_count = c.threads
    from (select tag_id, count(*)::int threads from thread_tags group by tag_id) c
    where t.id = c.tag_id`;
  await sql`
    update groups g set thread_count = c.threads
    from (select group_id, count(*)::int threads from threads where deleted_at is null
          group by group_id) c
    where g.id = c.group_id`;
  // Rows were inserted with explicit ids: move the identity sequences past them.
  for (const table of ['users', 'groups', 'tags', 'threads', 'posts']) {
    await sql.unsafe(
      `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
    );
  }
}

/** As the API stores session tokens (apps/api/src/plugins/session.ts hashToken). */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

async function insertSessions(sql: Sql): Promise<PostingSession[]> {
  const sessions = Array.from({ length: USER_COUNT }, (_, index) => ({
    userId: index + 1,
    token: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(32).toString('base64url'),
  }));
  await sql`
    insert into sessions (token_hash, user_id, csrf_token, expires_at)
    select * , now() + interval '7 days'
    from unnest(${text(
      sql,
      sessions.map((s) => hashToken(s.token)),
    )}::text[],
                ${int(
                  sql,
                  sessions.map((s) => s.userId),
                )}::int[],
                ${text(
                  sql,
                  sessions.map((s) => s.csrfToken),
                )}::text[])`;
  return sessions.map((s) => ({
    cookie: `serendip_session=${s.token}`,
    csrfToken: s.csrfToken,
  }));
}

async function checkHotThread(sql: Sql): Promise<void> {
  const [row] = await sql<{ posts: number; visibility: string }[]>`
    select count(*)::int as posts, min(g.visibility::text) as visibility
    from posts p join threads t on t.id = p.thread_id join groups g on g.id = t.group_id
    where p.thread_id = ${HOT_THREAD_ID}`;
  if (row?.posts !== HOT_THREAD_POSTS || row.visibility !== 'public') {
    throw new Error(`hot thread has ${row?.posts} posts in a ${row?.visibility} group`);
  }
}

async function loadFixture(sql: Sql): Promise<Omit<SiteFixture, 'postingSessions' | 'seconds'>> {
  const readRows = await sql<{ id: number }[]>`
    select t.id from threads t join groups g on g.id = t.group_id
    where g.visibility = 'public' and t.status = 'open' and t.deleted_at is null
    order by md5(t.id::text) limit ${READ_THREAD_COUNT}`;
  const groupRows = await sql<{ slug: string }[]>`
    select slug from groups where visibility = 'public' and thread_count >= 200 order by id`;
  const [counts] = await sql<SiteFixture['counts'][]>`
    select (select count(*)::int from users) users, (select count(*)::int from groups) groups,
           (select count(*)::int from threads) threads, (select count(*)::int from posts) posts,
           (select count(*)::int from votes) votes, (select count(*)::int from tags) tags`;
  return {
    hotThreadId: HOT_THREAD_ID,
    readThreadIds: readRows.map((r) => r.id),
    listGroupSlugs: groupRows.map((r) => r.slug),
    counts: counts!,
  };
}

/**
 * The rows are consistent by construction, so a superuser (the throwaway server) skips the
 * per-row foreign key triggers for this transaction: it makes the load several times faster.
 */
async function skipForeignKeyChecks(sql: Sql): Promise<void> {
  const [role] = await sql<{ superuser: boolean }[]>`
    select rolsuper as superuser from pg_roles where rolname = current_user`;
  if (role?.superuser) await sql`set local session_replication_role = replica`;
}

/** Fills an empty, migrated database; returns what the scenarios need to address it. */
export async function generateSite(url: string): Promise<SiteFixture> {
  const started = performance.now();
  const handle = await openSql(url, 1);
  const sql = handle.postgresClient!;
  try {
    let postingSessions: PostingSession[] = [];
    await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      await t`select setseed(${SEED})`;
      await skipForeignKeyChecks(t);
      await insertPeople(t);
      await insertGroups(t);
      const { tagCount } = await insertTags(t);
      await planThreadsAndPosts(t);
      await insertPostTemplates(t);
      await insertThreadsAndPosts(t, tagCount);
      await updateCounters(t);
      postingSessions = await insertSessions(t);
      await checkHotThread(t);
    });
    // Fresh statistics and visibility map, as on a database that has been running for a while.
    await sql`vacuum analyze`;
    const fixture = await loadFixture(sql);
    return { ...fixture, postingSessions, seconds: (performance.now() - started) / 1000 };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = await freshDatabase('serendip_bench');
  const fixture = await generateSite(url);
  console.log(
    `generated ${JSON.stringify(fixture.counts)} in ${fixture.seconds.toFixed(1)} s at ${url}`,
  );
}
