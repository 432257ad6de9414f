import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from './helper.ts';

describe('app', () => {
  const ctx = useTestContext();

  it('answers /health and /ready', async () => {
    expect(expectStatus(await ctx().anonymous.get('/health'), 200)).toEqual({ status: 'ok' });
    expect(expectStatus(await ctx().anonymous.get('/ready'), 200)).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI document describing every API route with its schemas', async () => {
    const document = expectStatus(await ctx().anonymous.get('/api/docs/openapi.json'), 200);
    expect(document.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.paths);
    for (const path of [
      '/api/auth/register',
      '/api/users/me',
      '/api/groups',
      '/api/groups/{slug}/threads',
      '/api/threads/{id}',
      '/api/threads/{id}/posts',
      '/api/posts/{id}/vote',
      '/api/threads/{id}/accepted',
      '/api/follows/{targetType}/{targetId}',
      '/api/notifications',
    ]) {
      expect(paths).toContain(path);
    }
    const register = document.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'handle', 'displayName']),
    );
  });

  it('requires a session for member-only routes', async () => {
    for (const url of ['/api/users/me', '/api/groups', '/api/notifications']) {
      const reply = await ctx().anonymous.get(url);
      expect(reply.status, url).toBe(401);
      expect(reply.body.error.code).toBe('unauthenticated');
    }
  });
});
