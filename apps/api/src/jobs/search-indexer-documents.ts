// Builds search documents from the database for a batch of outbox references: one query per
// document type. A reference whose row is gone, deleted, hidden or not published has no
// document: the indexer removes it from the engine.
import { rawQuery, type Executor } from '@serendip/db';
import type { DocumentRef, SearchDocument, SearchDocumentType } from '@serendip/search';

export interface BuiltDocuments {
  documents: SearchDocument[];
  /** References with nothing to index any more. */
  removed: DocumentRef[];
}

export async function buildSearchDocuments(
  db: Executor,
  refs: DocumentRef[],
): Promise<BuiltDocuments> {
  const idsByType = new Map<SearchDocumentType, number[]>();
  for (const ref of refs) idsByType.set(ref.type, [...(idsByType.get(ref.type) ?? []), ref.id]);
  const documents: SearchDocument[] = [];
  for (const [type, ids] of idsByType) documents.push(...(await builders[type](db, ids)));
  const present = new Set(documents.map((d) => `${d.type}:${d.id}`));
  return { documents, removed: refs.filter((ref) => !present.has(`${ref.type}:${ref.id}`)) };
}

type Builder = (db: Executor, ids: number[]) => Promise<SearchDocument[]>;

const TAGS_OF_THREAD = `array(select tg.slug from thread_tags tt join tags tg on tg.id = tt.tag_id
  where tt.thread_id = t.id order by tg.slug)`;

interface ThreadRow {
  id: number;
  group_id: number;
  group_slug: string;
  group_name: string;
  title: string;
  body: string;
  tags: string[];
  answered: boolean;
  score: number;
  author_id: number | null;
  participant_ids: number[];
  created_at: string | Date;
  updated_at: string | Date;
}

const buildThreads: Builder = async (db, ids) => {
  const rows = await rawQuery(db)<ThreadRow>(
    `select t.id, t.group_id, g.slug as group_slug, g.name as group_name, t.title,
       o.body_source as body, ${TAGS_OF_THREAD} as tags,
       (t.accepted_post_id is not null or t.answer_count > 0) as answered, t.score,
       -- an anonymous asker stays anonymous in the index too
       case when t.is_anonymous then null else t.author_id end as author_id,
       array(select distinct p.author_id from posts p where p.thread_id = t.id
         and p.kind <> 'opening' and p.state = 'published' and p.deleted_at is null) as participant_ids,
       t.created_at, t.last_activity_at as updated_at
     from threads t
     join groups g on g.id = t.group_id
     join posts o on o.thread_id = t.id and o.kind = 'opening'
     where t.id = any($1::int[]) and t.deleted_at is null
       and o.state = 'published' and o.deleted_at is null`,
    [ids],
  );
  return rows.map((row) => ({
    type: 'thread',
    id: row.id,
    threadId: row.id,
    groupId: row.group_id,
    groupSlug: row.group_slug,
    groupName: row.group_name,
    key: null,
    title: row.title,
    body: row.body,
    tags: row.tags,
    answered: row.answered,
    score: row.score,
    authorId: row.author_id,
    participantIds: row.participant_ids,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
};

/** Answers and replies; an opening post is its thread's document, never one of its own. */
const buildPosts: Builder = async (db, ids) => {
  const rows = await rawQuery(db)<ThreadRow & { thread_id: number }>(
    `select p.id, p.thread_id, t.group_id, g.slug as group_slug, g.name as group_name, t.title,
       p.body_source as body, ${TAGS_OF_THREAD} as tags,
       coalesce(t.accepted_post_id = p.id, false) as answered, p.score, p.author_id,
       '{}'::int[] as participant_ids, p.created_at, coalesce(p.edited_at, p.created_at) as updated_at
     from posts p
     join threads t on t.id = p.thread_id
     join groups g on g.id = t.group_id
     where p.id = any($1::int[]) and p.kind <> 'opening' and p.state = 'published'
       and p.deleted_at is null and t.deleted_at is null`,
    [ids],
  );
  return rows.map((row) => ({
    type: 'post',
    id: row.id,
    threadId: row.thread_id,
    groupId: row.group_id,
    groupSlug: row.group_slug,
    groupName: row.group_name,
    key: null,
    title: row.title,
    body: row.body,
    tags: row.tags,
    answered: row.answered,
    score: row.score,
    authorId: row.author_id,
    participantIds: [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
};

const buildGroups: Builder = async (db, ids) => {
  const rows = await rawQuery(db)<{
    id: number;
    slug: string;
    name: string;
    description: string;
    kind: string;
    thread_count: number;
    created_at: string | Date;
    updated_at: string | Date;
  }>(
    `select id, slug, name, description, kind::text, thread_count, created_at, updated_at
     from groups where id = any($1::int[])`,
    [ids],
  );
  return rows.map((row) => ({
    type: 'group',
    id: row.id,
    threadId: null,
    // A group document is readable exactly where the group is: private ones by members only.
    groupId: row.id,
    groupSlug: row.slug,
    groupName: row.name,
    key: row.slug,
    title: row.name,
    body: row.description,
    tags: [row.kind],
    answered: false,
    score: row.thread_count,
    authorId: null,
    participantIds: [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
};

const buildUsers: Builder = async (db, ids) => {
  const rows = await rawQuery(db)<{
    id: number;
    handle: string;
    display_name: string;
    job_title: string;
    department: string;
    site: string;
    bio: string;
    skills: string[];
    created_at: string | Date;
    updated_at: string | Date;
  }>(
    `select u.id, u.handle, u.display_name, u.job_title, u.department, u.site, u.bio,
       array(select tg.slug from user_tags ut join tags tg on tg.id = ut.tag_id
         where ut.user_id = u.id and ut.kind = 'skill' order by tg.slug) as skills,
       u.created_at, u.updated_at
     from users u where u.id = any($1::int[]) and u.deleted_at is null`,
    [ids],
  );
  return rows.map((row) => ({
    type: 'user',
    id: row.id,
    threadId: null,
    groupId: null,
    groupSlug: null,
    groupName: null,
    key: row.handle,
    title: row.display_name,
    body: [row.handle, row.job_title, row.department, row.site, row.bio]
      .filter(Boolean)
      .join(' · '),
    tags: row.skills,
    answered: false,
    score: 0,
    authorId: row.id,
    participantIds: [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
};

const builders: Record<SearchDocumentType, Builder> = {
  thread: buildThreads,
  post: buildPosts,
  group: buildGroups,
  user: buildUsers,
};

/** Every document id of a type that exists in the database (reindex), in id order. */
export async function allDocumentIds(db: Executor, type: SearchDocumentType): Promise<number[]> {
  const table = { thread: 'threads', post: 'posts', group: 'groups', user: 'users' }[type];
  const rows = await rawQuery(db)<{ id: number }>(`select id from ${table} order by id`, []);
  return rows.map((row) => row.id);
}
