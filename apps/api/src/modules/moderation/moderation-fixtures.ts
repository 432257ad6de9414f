// Test helpers for the moderation suites: a published charter, and shortcuts to the queue.
import { expect } from 'vitest';
import { expectStatus, type TestContext, type TestUser } from '../../../test/helper.ts';

export const CHARTER = `# Charte de Serendip

1. Respect : pas d'insultes ni d'attaques personnelles.
2. Pas de données personnelles (téléphone, e-mail, IBAN).
3. Pas de publicité ni de messages répétés.
`;

export async function publishCharter(admin: TestUser, body = CHARTER) {
  return expectStatus(await admin.client.post('/api/charter', { body }), 201);
}

export async function openItems(moderator: TestUser, query = '') {
  return expectStatus(await moderator.client.get(`/api/mod/queue${query}`), 200).items as {
    id: number;
    kind: string;
    post: { id: number; state: string } | null;
    reasons: { source: string; rule: string; clause: number | null }[];
    group: { slug: string } | null;
  }[];
}

export async function itemOfPost(moderator: TestUser, postId: number) {
  const item = (await openItems(moderator)).find((entry) => entry.post?.id === postId);
  expect(item, `an open item for post ${postId}`).toBeDefined();
  return item!;
}

export async function decide(moderator: TestUser, itemId: number, body: Record<string, unknown>) {
  return moderator.client.post(`/api/mod/queue/${itemId}/decision`, body);
}

/** A group with its owner, and a member whose posts are pre-moderated (trust level 0). */
export async function groupWithNewcomer(ctx: TestContext) {
  const owner = await ctx.newUser();
  const group = await ctx.newGroup(owner);
  const newcomer = await ctx.newUser({ trustLevel: 0 });
  return { owner, group, newcomer };
}
