// The hub's hand-made frames, written to a real socket and read by a real ws client.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { frameWriter, textFrame } from './websocket-frame.ts';

describe('textFrame', () => {
  let server: WebSocketServer;
  let url = '';

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The client's first message says what to send back.
    server.on('connection', (socket) =>
      socket.once('message', (text) =>
        frameWriter(socket)(textFrame(Buffer.from(text.toString()))),
      ),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function echoed(text: string): Promise<{ text: string; isBinary: boolean }> {
    return new Promise((resolve, reject) => {
      const client = new WebSocket(url, { perMessageDeflate: false });
      client.once('open', () => client.send(text));
      client.once('message', (data: Buffer, isBinary: boolean) => {
        resolve({ text: data.toString(), isBinary });
        client.close();
      });
      client.once('error', reject);
    });
  }

  // The three length encodings: in the header byte, on 16 bits, on 64 bits.
  it.each([0, 125, 126, 65_535, 65_536, 200_000])('frames a %i-byte text', async (length) => {
    const text = 'é'.repeat(Math.floor(length / 2)) + 'x'.repeat(length % 2);
    const frame = textFrame(Buffer.from(text));
    expect(frame.length - Buffer.byteLength(text)).toBe(
      length < 126 ? 2 : length < 65_536 ? 4 : 10,
    );
    expect(await echoed(text)).toEqual({ text, isBinary: false });
  });
});
