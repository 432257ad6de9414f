// The charter: versioned markdown with numbered clauses, published by staff; every member accepts
// the current version before posting, and again after each new version.
import type { Charter } from '@serendip/contracts';
import { renderMarkdown } from '@serendip/markdown';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  charterAcceptances,
  charterVersions,
  type CharterClause,
  type Database,
  type Executor,
} from '@serendip/db';
import { DomainError, invalid } from '../../../errors.ts';
import type { Viewer } from '../../../plugins/session.ts';
import { recordAudit } from '../audit.ts';
import { queueEvent } from '../signals.ts';
import { assertStaff } from '../access.ts';

/** Where the web app shows the charter (French URL, see apps/web/src/lib/paths.ts). */
export const CHARTER_HREF = '/charte';

// "1. Respect", "## 2. Pas de données personnelles", "### Article 3) Bienveillance".
const CLAUSE_LINE =
  /^\s{0,3}(?:#{1,6}\s+)?(?:(?:article|clause)\s+)?(\d{1,3})[.)]\s+(.+?)\s*#*\s*$/i;

/** The numbered clauses of a charter's markdown; each number once, in order. */
export function parseClauses(markdown: string): CharterClause[] {
  const clauses: CharterClause[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const match = CLAUSE_LINE.exec(line);
    if (!match) continue;
    const number = Number(match[1]);
    if (clauses.some((clause) => clause.number === number)) {
      throw invalid('body', `Clause ${number} is numbered twice.`);
    }
    clauses.push({ number, title: match[2]! });
  }
  if (clauses.length === 0) {
    throw invalid('body', 'A charter needs numbered clauses ("1. Respect", "## 2. ...").');
  }
  return clauses;
}

type CharterRow = typeof charterVersions.$inferSelect;

export async function selectCurrentCharter(db: Executor): Promise<CharterRow | undefined> {
  const [row] = await db
    .select()
    .from(charterVersions)
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row;
}

async function hasAccepted(db: Executor, userId: number, version: number): Promise<boolean> {
  const [row] = await db
    .select({ version: charterAcceptances.version })
    .from(charterAcceptances)
    .where(and(eq(charterAcceptances.userId, userId), eq(charterAcceptances.version, version)));
  return row !== undefined;
}

function toCharter(row: CharterRow, acceptedByMe: boolean): Charter {
  return {
    version: row.version,
    bodySource: row.bodySource,
    bodyHtml: row.bodyHtml,
    clauses: row.clauses,
    publishedAt: row.publishedAt.toISOString(),
    acceptedByMe,
  };
}

function noCharter(): DomainError {
  return new DomainError('not_found', 'No charter has been published yet.');
}

export async function getCharter(db: Database, viewer: Viewer | null): Promise<Charter> {
  const row = await selectCurrentCharter(db);
  if (!row) throw noCharter();
  return toCharter(row, viewer ? await hasAccepted(db, viewer.id, row.version) : false);
}

export async function publishCharter(db: Database, viewer: Viewer, body: string): Promise<Charter> {
  assertStaff(viewer);
  const clauses = parseClauses(body);
  const row = await db.transaction(async (tx) => {
    // Serialises concurrent publications: the unique version number refuses the loser anyway.
    const previous = await selectCurrentCharter(tx);
    const [inserted] = await tx
      .insert(charterVersions)
      .values({
        version: (previous?.version ?? 0) + 1,
        bodySource: body,
        bodyHtml: renderMarkdown(body),
        clauses,
        publishedBy: viewer.id,
      })
      .returning();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'charter.publish',
      targetType: 'charter',
      targetId: inserted!.version,
      before: previous ? { version: previous.version } : null,
      after: { version: inserted!.version, clauses: clauses.length },
    });
    await queueEvent(tx, 'charter.published', { version: inserted!.version });
    return inserted!;
  });
  return toCharter(row, false);
}

export async function acceptCharter(
  db: Database,
  viewer: Viewer,
  version: number,
): Promise<Charter> {
  const row = await selectCurrentCharter(db);
  if (!row) throw noCharter();
  if (row.version !== version) {
    throw new DomainError(
      'charter_version_outdated',
      `Version ${version} is not the current charter; read and accept version ${row.version}.`,
    );
  }
  await db.insert(charterAcceptances).values({ userId: viewer.id, version }).onConflictDoNothing();
  return toCharter(row, true);
}

/** Posting is refused until the current charter is accepted (nothing to accept: no charter yet). */
export async function assertCharterAccepted(db: Executor, viewer: Viewer): Promise<void> {
  const [row] = await db
    .select({
      version: charterVersions.version,
      // Written out qualified: drizzle leaves columns unqualified in a one-table select, which
      // would make the inner "version" the acceptance's own.
      accepted: sql<boolean>`exists (select 1 from charter_acceptances acceptance
        where acceptance.user_id = ${viewer.id} and acceptance.version = charter_versions.version)`,
    })
    .from(charterVersions)
    .orderBy(desc(charterVersions.version))
    .limit(1);
  if (!row || row.accepted) return;
  throw new DomainError(
    'charter_not_accepted',
    `Read and accept the charter (version ${row.version}) before posting: ${CHARTER_HREF}`,
    { charter: CHARTER_HREF },
  );
}

/** The clause numbers of the current charter, to check that a flag or decision cites a real one. */
export async function assertClauseExists(db: Executor, clause: number): Promise<void> {
  const row = await selectCurrentCharter(db);
  if (row && !row.clauses.some((existing) => existing.number === clause)) {
    throw invalid('clause', `The charter has no clause ${clause}.`);
  }
}
