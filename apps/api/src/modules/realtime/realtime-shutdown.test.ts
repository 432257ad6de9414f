// Shutting down: open sockets are told "going away" (1001), so browsers reconnect to another
// process and resume, instead of seeing the connection cut without a reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/helper.ts';
import { TestSocket } from '../../../test/socket-client.ts';

describe('realtime shutdown', () => {
  const ctx = useTestContext();
  let baseUrl = '';

  beforeAll(async () => {
    baseUrl = await ctx().app.listen({ host: '127.0.0.1', port: 0 });
  });

  it('tells every open socket it is going away when the API closes', async () => {
    const user = await ctx().newUser();
    const socket = await TestSocket.open(baseUrl, user);
    await socket.subscribe([`user:${user.id}`]);
    await ctx().app.close();
    expect((await socket.closed).code).toBe(1001);
  });
});
