// The ceiling for the thread read: a bare Fastify + postgres.js server that returns the same rows
// as GET /api/threads/:id (the thread with its group, author and tags, and its posts with their
// authors) from two hand-written queries, with no session, access rules or response schema.
// Env: DATABASE_URL, PORT, DATABASE_POOL_SIZE (default 10, like the API).
import { Fastify, postgres } from '../lib/workspace.ts';

const sql = postgres(process.env.DATABASE_URL!, {
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  onnotice: () => {},
});

const author = (
  prefix: string,
) => `json_build_object('id', ${prefix}.id, 'handle', ${prefix}.handle,
  'displayName', ${prefix}.display_name, 'jobTitle', ${prefix}.job_title,
  'department', ${prefix}.department, 'site', ${prefix}.site)`;

async function threadWithPosts(id: number) {
  const [threads, posts] = await Promise.all([
    sql`
      select t.id, t.group_id as "groupId",
             json_build_object('slug', g.slug, 'name', g.name, 'visibility', g.visibility) as "group",
             t.kind, t.title, ${sql.unsafe(author('u'))} as author, t.is_anonymous as "isAnonymous",
             t.status, t.accepted_post_id as "acceptedPostId", t.answer_count as "answerCount",
             t.score, t.created_at as "createdAt", t.last_activity_at as "lastActivityAt",
             coalesce((select array_agg(tg.slug order by tg.slug) from thread_tags tt
                       join tags tg on tg.id = tt.tag_id where tt.thread_id = t.id),
                      '{}') as tags
      from threads t join groups g on g.id = t.group_id join users u on u.id = t.author_id
      where t.id = ${id} and t.deleted_at is null`,
    sql`
      select p.id, p.thread_id as "threadId", p.kind, ${sql.unsafe(author('u'))} as author,
             p.body_html as "bodyHtml", p.body_source as "bodySource", p.state, p.score,
             p.revision_count as "revisionCount", p.created_at as "createdAt",
             p.edited_at as "editedAt"
      from posts p join users u on u.id = p.author_id
      where p.thread_id = ${id} and p.deleted_at is null
      order by p.created_at, p.id`,
  ]);
  return threads[0] ? { thread: threads[0], posts } : undefined;
}

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/threads/:id', async (request, reply) => {
  const detail = await threadWithPosts(Number(request.params.id));
  return detail ?? reply.status(404).send({ error: { code: 'thread_not_found' } });
});
app.addHook('onClose', () => sql.end({ timeout: 5 }));

process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT ?? 3100), host: '127.0.0.1' });
