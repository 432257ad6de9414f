import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { PREVIEWS_PER_MINUTE } from './preview.routes.ts';

describe('markdown preview', () => {
  const ctx = useTestContext();

  it('refuses signed-out requests with a 401', async () => {
    const reply = await ctx().anonymous.post('/api/markdown/preview', { body: '**hi**' });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });

  it('renders like a saved post: markdown, sanitised, user headings demoted', async () => {
    const user = await ctx().newUser();
    const { html } = expectStatus(
      await user.client.post('/api/markdown/preview', {
        body: '# Title\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1))',
      }),
      200,
    );
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });

  it('shows the same HTML the post gets once saved, mentions included', async () => {
    const asker = await ctx().newUser();
    const named = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const body = `Ask @${named.handle} or @nobody-here about \`code\``;
    const { html } = expectStatus(await asker.client.post('/api/markdown/preview', { body }), 200);
    const created = await ctx().newThread(asker, group.slug, { body });
    const opening = created.posts.find((post: { kind: string }) => post.kind === 'opening');
    expect(html).toBe(opening.bodyHtml);
    expect(html).toContain(`href="/u/${named.handle.toLowerCase()}" class="mention"`);
    expect(html).not.toContain('href="/u/nobody-here"');
  });

  it('refuses an empty text with field errors', async () => {
    const user = await ctx().newUser();
    const reply = await user.client.post('/api/markdown/preview', { body: '' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(Object.keys(reply.body.error.fields)).toContain('body');
  });

  it('refuses a request without the CSRF token', async () => {
    const user = await ctx().newUser();
    const reply = await ctx().app.inject({
      method: 'POST',
      url: '/api/markdown/preview',
      headers: { cookie: user.client.session!.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ body: 'hello' }),
    });
    expect(reply.statusCode).toBe(403);
  });

  it('limits how many previews a person asks for in a minute', async () => {
    const user = await ctx().newUser();
    const other = await ctx().newUser();
    const statuses: number[] = [];
    for (let i = 0; i <= PREVIEWS_PER_MINUTE; i++) {
      statuses.push((await user.client.post('/api/markdown/preview', { body: `n${i}` })).status);
    }
    expect(statuses.slice(0, PREVIEWS_PER_MINUTE).every((status) => status === 200)).toBe(true);
    const refused = await user.client.post('/api/markdown/preview', { body: 'again' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    // Another person keeps their own budget.
    expect((await other.client.post('/api/markdown/preview', { body: 'mine' })).status).toBe(200);
  });
});
