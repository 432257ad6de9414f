// Recomputes the influence scores from the whole forum and keeps them as a dated snapshot:
// company-wide, per group and per tag. Runs on a schedule (jobs/influence-schedule.ts) and on
// demand by a community lead or an admin.
import type { InfluenceRecomputeResponse } from '@serendip/contracts';
import { eq } from 'drizzle-orm';
import { groups, influenceSnapshots, type Database, type Executor } from '@serendip/db';
import {
  computeInfluence,
  computeInfluenceByGroup,
  computeInfluenceByTag,
  type InfluenceConfig,
  type InfluenceResult,
} from '@serendip/influence';
import { DomainError } from '../../errors.ts';
import type { InfluenceRecompute } from '../../jobs/influence-recompute.ts';
import type { Viewer } from '../../plugins/session.ts';
import { recordEvent } from '../../write-path.ts';
import { loadInteractions } from './interactions.ts';

export interface RecomputeOptions {
  /** The snapshot's date; scores use what happened strictly before it. Default: now. */
  now?: Date;
  /** How many people each group or tag snapshot keeps (company-wide keeps everyone). */
  topPerScope?: number;
  config?: Partial<InfluenceConfig>;
}

type ScopeType = 'company' | 'group' | 'tag';

const INSERT_BATCH = 1000;
/** Stand-ins (anonymous askers, imported voters) are scored but are not people to list. */
const isUserId = (id: string) => /^\d+$/.test(id);

function snapshotRows(
  result: InfluenceResult,
  computedAt: Date,
  scopeType: ScopeType,
  scopeKey: string,
  limit: number,
) {
  return result.people
    .filter((person) => isUserId(person.personId) && person.combined > 0)
    .slice(0, limit)
    .map((person, index) => ({
      computedAt,
      scopeType,
      scopeKey,
      userId: Number(person.personId),
      rank: index + 1,
      combined: person.combined,
      components: { ...person.components },
      contributions: { ...person.contributions },
    }));
}

async function selectPrivateGroupIds(db: Executor): Promise<Set<string>> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.visibility, 'private'));
  return new Set(rows.map((row) => String(row.id)));
}

async function insertSnapshot(tx: Executor, rows: ReturnType<typeof snapshotRows>) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await tx.insert(influenceSnapshots).values(rows.slice(start, start + INSERT_BATCH));
  }
}

/** Scores everyone as of `now` and stores the snapshot in one transaction, with its event. */
export async function recomputeInfluence(
  db: Database,
  options: RecomputeOptions = {},
): Promise<InfluenceRecomputeResponse> {
  const computedAt = options.now ?? new Date();
  const limit = options.topPerScope ?? 100;
  const { interactions, people } = await loadInteractions(db, { until: computedAt });
  // Company-wide and per-tag scores are shown to every employee (the expert directory): they
  // count only what happened in public groups. A private group's own scores use all of it.
  const privateGroups = await selectPrivateGroupIds(db);
  const visibleToAll = interactions.filter(
    (interaction) => !privateGroups.has(interaction.groupId),
  );
  const settings = { asOf: computedAt.getTime(), config: options.config };
  const rows = snapshotRows(
    computeInfluence(visibleToAll, people, settings),
    computedAt,
    'company',
    '',
    Number.POSITIVE_INFINITY,
  );
  const byGroup = computeInfluenceByGroup(interactions, people, settings);
  for (const [groupId, result] of byGroup) {
    rows.push(...snapshotRows(result, computedAt, 'group', groupId, limit));
  }
  const byTag = computeInfluenceByTag(visibleToAll, people, settings);
  for (const [tag, result] of byTag) {
    rows.push(...snapshotRows(result, computedAt, 'tag', tag, limit));
  }
  const summary = {
    computedAt: computedAt.toISOString(),
    interactions: interactions.length,
    people: rows.filter((row) => row.scopeType === 'company').length,
    groups: byGroup.size,
    tags: byTag.size,
    rows: rows.length,
  };
  await db.transaction(async (tx) => {
    await insertSnapshot(tx, rows);
    // Scores are not search documents: nothing to queue for the index.
    await recordEvent(tx, { type: 'influence.recomputed', topics: ['insights'], payload: summary });
  });
  return summary;
}

/** On demand: community leads and admins only. */
export async function requestInfluenceRecompute(
  recompute: InfluenceRecompute,
  viewer: Viewer,
): Promise<InfluenceRecomputeResponse> {
  if (viewer.role !== 'community_lead' && viewer.role !== 'admin') {
    throw new DomainError('forbidden', 'Only community leads and admins can recompute influence.');
  }
  return recompute();
}
