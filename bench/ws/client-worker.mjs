// One thread of websocket clients for bench:ws (plain JavaScript: worker threads do not load tsx):
// opens sockets to the API processes it is given,
// subscribes each to the thread, and reports when each socket received a given post's event.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import WebSocket from 'ws';

/** @type {WebSocket[]} */
const sockets = [];
const now = () => performance.timeOrigin + performance.now();
/** The post.created event every socket waits for: who has it, and when it arrived. */
let expectation = null;

function reply(message) {
  parentPort.postMessage(message);
}

/** Opens one socket and resolves once its subscription is confirmed (false if refused). */
function openSocket(url, cookie, topic) {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/ws`, {
      headers: { cookie, origin: url },
      perMessageDeflate: false,
    });
    socket.on('error', () => resolve(false));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'subscribed') {
        sockets.push(socket);
        resolve(true);
      } else if (message.type === 'event' && expectation) {
        if (message.event !== 'post.created' || expectation.seen.has(socket)) return;
        expectation.seen.add(socket);
        expectation.postIds.add(message.payload?.postId ?? 0);
        expectation.times.push(now());
        if (expectation.seen.size === sockets.length) expectation.done(0);
      }
    });
  });
}

async function open(command) {
  let failed = 0;
  const batch = 100;
  for (let start = 0; start < command.count; start += batch) {
    const size = Math.min(batch, command.count - start);
    const results = await Promise.all(
      Array.from({ length: size }, (_, index) =>
        openSocket(
          command.urls[(start + index) % command.urls.length],
          command.cookie,
          command.topic,
        ),
      ),
    );
    failed += results.filter((ok) => !ok).length;
  }
  reply({ kind: 'opened', total: sockets.length, failed });
}

function expect(command) {
  const times = [];
  const seen = new Set();
  const postIds = new Set();
  const timer = setTimeout(() => finish(sockets.length - seen.size), command.timeoutMs);
  function finish(missing) {
    clearTimeout(timer);
    expectation = null;
    reply({ kind: 'received', postIds: [...postIds], times, missing });
  }
  expectation = { postIds, times, seen, done: finish };
  reply({ kind: 'expecting' });
  if (sockets.length === 0) finish(0);
}

parentPort.on('message', (command) => {
  if (command.kind === 'open') void open(command);
  else if (command.kind === 'expect') expect(command);
  else {
    for (const socket of sockets.splice(0)) socket.terminate();
    reply({ kind: 'closed' });
  }
});
