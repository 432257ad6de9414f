// Heartbeats: the hub pings every socket; one that never answers is closed, one that does stays.
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext, type TestUser } from '../../../test/helper.ts';

describe('realtime heartbeats', () => {
  const ctx = useTestContext({
    realtime: {
      allowedOrigins: [],
      maxBufferedBytes: 1024 * 1024,
      heartbeatMs: 100,
      messagesPerSecond: 10,
    },
  });
  let baseUrl = '';

  beforeAll(async () => {
    baseUrl = await ctx().app.listen({ host: '127.0.0.1', port: 0 });
  });

  function connect(user: TestUser, autoPong: boolean): WebSocket {
    return new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/ws`, {
      headers: { cookie: user.client.session!.cookie, origin: baseUrl },
      autoPong,
    });
  }

  it('closes a socket that stops answering pings and keeps one that answers', async () => {
    const user = await ctx().newUser();
    const silent = connect(user, false);
    const healthy = connect(user, true);
    let pings = 0;
    const threePings = new Promise<void>((resolve) =>
      healthy.on('ping', () => {
        pings += 1;
        if (pings === 3) resolve();
      }),
    );
    const silentClosed = new Promise<number>((resolve) => silent.on('close', resolve));
    await threePings;
    expect(await silentClosed).toBe(1006);
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    healthy.close();
  });
});
