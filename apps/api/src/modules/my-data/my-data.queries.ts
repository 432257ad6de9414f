// Everything the forum holds about one person, read for their own download. Built as JSON by
// PostgreSQL: one statement, so the file is one consistent moment. Nothing here names someone
// else who chose to stay anonymous (thanks received keep no sender, notifications no actor).
import { rawQuery, type Executor } from '@serendip/db';

const rowsOf = (select: string) => `coalesce((select json_agg(r) from (${select}) r), '[]'::json)`;

const EXPORT_SQL = `select json_build_object(
  'profile', (select row_to_json(p) from (
    select id, email, handle, display_name as "displayName", job_title as "jobTitle", department,
           site, hierarchy_level as "hierarchyLevel", hierarchy_visible as "hierarchyVisible",
           locale, bio, role, trust_level as "trustLevel", open_to_questions as "openToQuestions",
           weekly_help_minutes as "weeklyHelpMinutes", suspended_until as "suspendedUntil",
           created_at as "createdAt", updated_at as "updatedAt"
    from users where id = $1) p),
  'skillsAndInterests', ${rowsOf(`select t.slug as tag, ut.kind from user_tags ut join tags t on t.id = ut.tag_id
    where ut.user_id = $1 order by ut.kind, t.slug`)},
  'memberships', ${rowsOf(`select g.slug as "group", g.name, m.role, m.joined_at as "joinedAt"
    from memberships m join groups g on g.id = m.group_id where m.user_id = $1 order by m.joined_at`)},
  'threads', ${rowsOf(`select t.id, g.slug as "group", t.kind, t.title, t.is_anonymous as "isAnonymous",
    t.status, t.created_at as "createdAt", t.deleted_at as "deletedAt"
    from threads t join groups g on g.id = t.group_id where t.author_id = $1 order by t.id`)},
  'posts', ${rowsOf(`select id, thread_id as "threadId", kind, state, body_source as "bodySource",
    score, revision_count as "revisionCount", created_at as "createdAt", edited_at as "editedAt",
    deleted_at as "deletedAt" from posts where author_id = $1 order by id`)},
  'votes', ${rowsOf(`select post_id as "postId", value, created_at as "createdAt"
    from votes where user_id = $1 order by created_at`)},
  'follows', ${rowsOf(`select target_type as "targetType", target_id as "targetId",
    created_at as "createdAt" from follows where user_id = $1 order by created_at`)},
  'thanksGiven', ${rowsOf(`select thread_id as "threadId", post_id as "postId", rating, message,
    created_at as "createdAt" from thanks where from_user_id = $1 order by created_at`)},
  'thanksReceived', ${rowsOf(`select thread_id as "threadId", post_id as "postId", rating, message,
    created_at as "createdAt" from thanks where to_user_id = $1 order by created_at`)},
  'notifications', ${rowsOf(`select type, thread_id as "threadId", post_id as "postId", data,
    created_at as "createdAt", read_at as "readAt" from notifications where user_id = $1
    order by id`)},
  'sanctions', ${rowsOf(`select kind, clause, message, ends_at as "endsAt", created_at as "createdAt"
    from sanctions where user_id = $1 order by id`)},
  'sessions', ${rowsOf(`select created_at as "createdAt", expires_at as "expiresAt"
    from sessions where user_id = $1 order by created_at`)}
) as export`;

export async function selectMyData(db: Executor, userId: number): Promise<Record<string, unknown>> {
  const [row] = await rawQuery(db)<{ export: Record<string, unknown> }>(EXPORT_SQL, [userId]);
  return row!.export;
}
