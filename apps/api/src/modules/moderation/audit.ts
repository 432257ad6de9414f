// The audit log: one append-only row per moderation or admin action (the database refuses
// UPDATE, DELETE and TRUNCATE on it); listing with filters and CSV export for staff.
import type { AuditEntry, AuditQuery } from '@serendip/contracts';
import { and, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, users, type Executor } from '@serendip/db';

export interface AuditInput {
  actorId: number | null;
  action: string;
  targetType: 'post' | 'thread' | 'user' | 'charter' | 'rule' | 'settings' | 'item' | 'appeal';
  targetId: number;
  groupId?: number | null;
  clause?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string;
}

export async function recordAudit(tx: Executor, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    groupId: entry.groupId ?? null,
    clause: entry.clause ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    note: entry.note ?? '',
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const actor = alias(users, 'actor');

// A moderator reads names and titles, not ids: what each kind of target is called, and where it
// can be seen (API hrefs, which the web app maps to its pages).
const targetLabel = sql<string | null>`case ${auditLog.targetType}
  when 'user' then (select display_name from users where id = ${auditLog.targetId})
  when 'thread' then (select title from threads where id = ${auditLog.targetId})
  when 'post' then (select t.title from posts p join threads t on t.id = p.thread_id
                    where p.id = ${auditLog.targetId})
end`;

const targetHref = sql<string | null>`case ${auditLog.targetType}
  when 'user' then (select '/u/' || handle from users
                    where id = ${auditLog.targetId} and deleted_at is null)
  when 'thread' then '/threads/' || ${auditLog.targetId}
  when 'post' then (select '/threads/' || thread_id || '#post-' || id from posts
                    where id = ${auditLog.targetId})
end`;

export async function selectAudit(db: Executor, query: AuditQuery): Promise<AuditEntry[]> {
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actor ? eq(auditLog.actorId, query.actor) : undefined,
    query.targetType ? eq(auditLog.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
  ];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(auditLog.action, pattern), ilike(auditLog.note, pattern)));
  }
  const rows = await db
    .select({
      ...getTableColumns(auditLog),
      actorName: actor.displayName,
      targetLabel: targetLabel.as('target_label'),
      targetHref: targetHref.as('target_href'),
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit ?? 100);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'actorId',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'targetLabel',
  'groupId',
  'clause',
  'before',
  'after',
  'note',
] as const;

/** RFC 4180 field; a leading = + - @ is prefixed so spreadsheets do not run it as a formula. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) lines.push(CSV_COLUMNS.map((key) => csvField(entry[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
