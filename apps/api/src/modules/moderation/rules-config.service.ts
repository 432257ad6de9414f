// Configuring the automatic rules and thresholds (staff), and the dry-run box that shows which
// rules a sample text would trigger. Rules are compiled once and cached per process until they
// change (any process notices a change through a cheap fingerprint query).
import type { DryRunBody, ModerationSettings, Rule, RuleBody } from '@serendip/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { moderationRules, moderationSettings, type Database, type Executor } from '@serendip/db';
import { found } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { assertStaff } from './access.ts';
import { recordAudit } from './audit.ts';
import { assertClauseExists } from './charter/charter.service.ts';
import {
  compileRules,
  evaluatePost,
  type CompiledRules,
  type RuleDefinition,
  type Verdict,
} from './rules/index.ts';

type RuleRow = typeof moderationRules.$inferSelect;

function toRule(row: RuleRow): Rule {
  return {
    id: row.id,
    kind: row.kind,
    clause: row.clause,
    action: row.action,
    message: row.message,
    enabled: row.enabled,
    params: row.params,
  } as Rule;
}

function toDefinition(row: RuleRow): RuleDefinition {
  const { enabled: _enabled, ...rule } = toRule(row);
  return rule as RuleDefinition;
}

// ---- the compiled rules, cached ------------------------------------------------------------

let cache: { fingerprint: string; compiled: CompiledRules; needsHistory: boolean } | undefined;

/** The enabled rules, compiled; recompiled only when a rule was added, changed or removed. */
export async function loadCompiledRules(db: Executor) {
  const [state] = await db
    .select({
      fingerprint: sql<string>`count(*)::text || ':' || coalesce(max(${moderationRules.updatedAt})::text, '')
        || ':' || coalesce(max(${moderationRules.id}), 0)::text`,
    })
    .from(moderationRules);
  const fingerprint = state!.fingerprint;
  if (cache?.fingerprint !== fingerprint) {
    const rows = await db
      .select()
      .from(moderationRules)
      .where(eq(moderationRules.enabled, true))
      .orderBy(asc(moderationRules.id));
    const definitions = rows.map(toDefinition);
    cache = {
      fingerprint,
      compiled: compileRules(definitions),
      needsHistory: definitions.some(
        (rule) => rule.kind === 'repeated_text' || rule.kind === 'posting_rate',
      ),
    };
  }
  return cache;
}

/** How far back repeated-text and posting-rate rules look: the widest window configured. */
export function historyWindowMinutes(compiled: CompiledRules): number {
  let minutes = 0;
  for (const { rule } of compiled.rules) {
    if (rule.kind === 'repeated_text' || rule.kind === 'posting_rate') {
      minutes = Math.max(minutes, rule.params.windowMinutes);
    }
  }
  return minutes;
}

// ---- staff endpoints -------------------------------------------------------------------------

export async function listRules(db: Database, viewer: Viewer): Promise<{ items: Rule[] }> {
  assertStaff(viewer);
  const rows = await db.select().from(moderationRules).orderBy(asc(moderationRules.id));
  return { items: rows.map(toRule) };
}

function ruleValues(body: RuleBody) {
  return {
    kind: body.kind,
    clause: body.clause,
    action: body.action,
    message: body.message ?? '',
    params: body.params as Record<string, unknown>,
    enabled: body.enabled ?? true,
  };
}

export async function createRule(db: Database, viewer: Viewer, body: RuleBody): Promise<Rule> {
  assertStaff(viewer);
  await assertClauseExists(db, body.clause);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(moderationRules).values(ruleValues(body)).returning();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'rule.create',
      targetType: 'rule',
      targetId: row!.id,
      clause: row!.clause,
      after: toRule(row!),
    });
    return toRule(row!);
  });
}

export async function updateRule(
  db: Database,
  viewer: Viewer,
  ruleId: number,
  body: RuleBody,
): Promise<Rule> {
  assertStaff(viewer);
  await assertClauseExists(db, body.clause);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(moderationRules).where(eq(moderationRules.id, ruleId));
    found(before, 'not_found', 'No such rule.');
    const [row] = await tx
      .update(moderationRules)
      .set({ ...ruleValues(body), updatedAt: sql`now()` })
      .where(eq(moderationRules.id, ruleId))
      .returning();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'rule.update',
      targetType: 'rule',
      targetId: ruleId,
      clause: row!.clause,
      before: toRule(before!),
      after: toRule(row!),
    });
    return toRule(row!);
  });
}

export async function deleteRule(db: Database, viewer: Viewer, ruleId: number) {
  assertStaff(viewer);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(moderationRules)
      .where(eq(moderationRules.id, ruleId))
      .returning();
    found(row, 'not_found', 'No such rule.');
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'rule.delete',
      targetType: 'rule',
      targetId: ruleId,
      before: toRule(row!),
    });
  });
  return { ok: true as const };
}

/** Which rules a sample text would trigger, without history (repeats and rate need real posts). */
export async function dryRun(db: Database, viewer: Viewer, body: DryRunBody): Promise<Verdict> {
  assertStaff(viewer);
  const { compiled } = await loadCompiledRules(db);
  return evaluatePost(compiled, {
    text: body.text,
    authorTrustLevel: body.trustLevel ?? 0,
    recentPosts: [],
    now: new Date(),
  });
}

export async function loadSettings(db: Executor): Promise<ModerationSettings> {
  const [row] = await db
    .select({
      premoderatedPosts: moderationSettings.premoderatedPosts,
      flagHideThreshold: moderationSettings.flagHideThreshold,
    })
    .from(moderationSettings)
    .where(eq(moderationSettings.id, 1));
  // The migration inserts the row; defaults keep a hand-emptied table working.
  return row ?? { premoderatedPosts: 3, flagHideThreshold: 3 };
}

export async function getSettings(db: Database, viewer: Viewer): Promise<ModerationSettings> {
  assertStaff(viewer);
  return loadSettings(db);
}

export async function updateSettings(
  db: Database,
  viewer: Viewer,
  body: ModerationSettings,
): Promise<ModerationSettings> {
  assertStaff(viewer);
  return db.transaction(async (tx) => {
    const before = await loadSettings(tx);
    await tx
      .insert(moderationSettings)
      .values({ id: 1, ...body })
      .onConflictDoUpdate({
        target: moderationSettings.id,
        set: { ...body, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'settings.update',
      targetType: 'settings',
      targetId: 1,
      before: { ...before },
      after: { ...body },
    });
    return body;
  });
}
