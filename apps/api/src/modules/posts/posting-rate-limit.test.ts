// The posting rate limit through the public API: new threads and new posts per minute and person.
import { describe, expect, it } from 'vitest';
import { createTestContext, expectStatus } from '../../../test/helper.ts';

describe('posting rate limit', () => {
  it('refuses a person past POST_RATE_LIMIT new threads or posts a minute, not their colleagues', async () => {
    const limited = await createTestContext({ postRateLimit: 2 });
    try {
      const owner = await limited.newUser();
      const poster = await limited.newUser();
      const colleague = await limited.newUser();
      const group = await limited.newGroup(owner);
      const { thread } = await limited.newThread(poster, group.slug);
      await limited.newThread(poster, group.slug);
      const thirdThread = await poster.client.post(`/api/groups/${group.slug}/threads`, {
        kind: 'question',
        title: 'One question too many this minute',
        body: 'x',
        tags: ['x'],
      });
      expect(thirdThread.status).toBe(429);
      expect(thirdThread.body.error.code).toBe('rate_limited');
      expect(thirdThread.body.error.message).toMatch(/at most 2 a minute/);

      const replies = [];
      for (let i = 0; i < 3; i++) {
        replies.push(await poster.client.post(`/api/threads/${thread.id}/posts`, { body: 'more' }));
      }
      expect(replies.map((reply) => reply.status)).toEqual([201, 201, 429]);
      expect(replies[2]!.body.error.code).toBe('rate_limited');
      expect(replies[2]!.headers['retry-after']).toEqual(expect.any(String));

      // The budget is the person's, not the address's: every test client shares one address.
      expectStatus(
        await colleague.client.post(`/api/threads/${thread.id}/posts`, { body: 'hi' }),
        201,
      );
    } finally {
      await limited.close();
    }
  });
});
