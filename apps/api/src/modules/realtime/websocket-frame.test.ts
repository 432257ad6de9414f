// The hub's hand-made frames, read back by ws's own receiver (the client side of the protocol).
import { describe, expect, it } from 'vitest';
import { Receiver } from 'ws';
import { textFrame } from './websocket-frame.ts';

function received(frame: Buffer): Promise<{ text: string; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) =>
      resolve({ text: data.toString(), isBinary }),
    );
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  // The three length encodings: in the header byte, on 16 bits, on 64 bits.
  it.each([0, 125, 126, 65_535, 65_536, 200_000])('frames a %i-byte text', async (length) => {
    const text = 'é'.repeat(Math.floor(length / 2)) + 'x'.repeat(length % 2);
    const frame = textFrame(Buffer.from(text));
    expect(frame.length - Buffer.byteLength(text)).toBe(
      length < 126 ? 2 : length < 65_536 ? 4 : 10,
    );
    expect(await received(frame)).toEqual({ text, isBinary: false });
  });
});
