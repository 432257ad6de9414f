import { describe, expect, it } from 'vitest';
import {
  createTestContext,
  expectStatus,
  TestClient,
  useTestContext,
} from '../../../test/helper.ts';

describe('auth', () => {
  const ctx = useTestContext();

  it('registers, reads the session, signs out and in again', async () => {
    const user = await ctx().newUser({ displayName: 'Amélie Durand' });
    const session = expectStatus(await user.client.get('/api/auth/session'), 200);
    expect(session.user).toMatchObject({
      handle: user.handle,
      displayName: 'Amélie Durand',
      role: 'member',
      locale: 'fr',
    });
    expect(session.csrfToken).toEqual(expect.any(String));

    expectStatus(await user.client.post('/api/auth/logout'), 200);
    expect((await user.client.get('/api/auth/session')).body.user).toBeNull();

    const login = await ctx().anonymous.post('/api/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(expectStatus(login, 200).user.id).toBe(user.id);
    expect(String(login.headers['set-cookie'])).toMatch(
      /serendip_session=.+HttpOnly.*SameSite=Lax/i,
    );
  });

  it('stores an argon2id hash, never the password', async () => {
    const user = await ctx().newUser();
    const rows = await ctx().db.query.users.findFirst({
      where: (users, { eq }) => eq(users.id, user.id),
    });
    expect(rows?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(rows?.passwordHash).not.toContain(user.password);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const user = await ctx().newUser();
    const wrong = await ctx().anonymous.post('/api/auth/login', {
      email: user.email,
      password: 'not the password',
    });
    const unknown = await ctx().anonymous.post('/api/auth/login', {
      email: 'nobody@example.test',
      password: 'whatever1234',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('refuses a duplicate email or handle with a 409 naming the field', async () => {
    const user = await ctx().newUser();
    const sameEmail = await ctx().anonymous.post('/api/auth/register', {
      email: user.email.toUpperCase(),
      password: 'long enough password',
      handle: 'someone-else',
      displayName: 'X',
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.error).toMatchObject({
      code: 'email_taken',
      fields: { email: expect.any(String) },
    });
    const sameHandle = await ctx().anonymous.post('/api/auth/register', {
      email: 'fresh@example.test',
      password: 'long enough password',
      handle: user.handle.toUpperCase(),
      displayName: 'X',
    });
    expect(sameHandle.status).toBe(409);
    expect(sameHandle.body.error.code).toBe('handle_taken');
  });

  it('keeps route words such as "me" out of handles', async () => {
    const reply = await ctx().anonymous.post('/api/auth/register', {
      email: 'me@example.test',
      password: 'long enough password',
      handle: 'Me',
      displayName: 'Me',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('handle_taken');
  });

  it('rejects bad registration input with field errors', async () => {
    const reply = await ctx().anonymous.post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      handle: 'a b',
      displayName: '',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(Object.keys(reply.body.error.fields)).toEqual(
      expect.arrayContaining(['email', 'password', 'handle', 'displayName']),
    );

    const wrongType = await ctx().anonymous.post('/api/auth/register', {
      email: 'a@b.test',
      password: 1234567890123,
      handle: 'abc',
      displayName: 'A',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields).toHaveProperty('password');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await ctx().newUser();
    const forged = new TestClient(ctx().app, {
      cookie: user.client.session!.cookie,
      csrfToken: 'forged',
    });
    const reply = await forged.post('/api/auth/logout');
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf_failed');
    expect((await user.client.get('/api/auth/session')).body.user.id).toBe(user.id);
  });

  it('refuses non-JSON bodies, bodies over 1 MB, and unknown routes with clear errors', async () => {
    const plain = await ctx().anonymous.request('POST', '/api/auth/login', undefined, {
      'content-type': 'text/plain',
    });
    expect(plain.status).toBe(415);
    const huge = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        email: 'a@b.test',
        password: 'x'.repeat(10 * 1024 * 1024),
        handle: 'big',
        displayName: 'Big',
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const missing = await ctx().anonymous.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('route_not_found');
  });

  it('creates the accounts of ADMIN_EMAILS as administrators, whatever the case', async () => {
    const site = await createTestContext({ adminEmails: ['boss@example.test'] });
    try {
      const registered = await site.anonymous.post('/api/auth/register', {
        email: 'Boss@Example.test',
        password: 'a long enough password',
        handle: 'boss',
        displayName: 'La Patronne',
      });
      expect(expectStatus(registered, 201).user.role).toBe('admin');
      const stored = await site.db.query.users.findFirst({
        where: (users, { eq }) => eq(users.handle, 'boss'),
      });
      expect(stored?.trustLevel).toBe(2);
      const colleague = await site.anonymous.post('/api/auth/register', {
        email: 'colleague@example.test',
        password: 'a long enough password',
        handle: 'colleague',
        displayName: 'Un Collègue',
      });
      expect(expectStatus(colleague, 201).user.role).toBe('member');
    } finally {
      await site.close();
    }
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 });
    try {
      const attempts = [];
      for (let i = 0; i < 4; i++) {
        attempts.push(
          await limited.anonymous.post('/api/auth/login', {
            email: 'x@example.test',
            password: 'wrong password',
          }),
        );
      }
      expect(attempts.slice(0, 3).map((reply) => reply.status)).toEqual([401, 401, 401]);
      expect(attempts[3]!.status).toBe(429);
      expect(attempts[3]!.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
