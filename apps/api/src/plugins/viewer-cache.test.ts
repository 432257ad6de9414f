// What makes a kept viewer go (the end-to-end paths are in session.test.ts).
import { describe, expect, it } from 'vitest';
import type { Viewer } from './session.ts';
import { ViewerCache } from './viewer-cache.ts';

const inAnHour = new Date(Date.now() + 3_600_000);

function viewer(id: number, tokenHash = `token-${id}`): Viewer {
  return {
    id,
    handle: `person-${id}`,
    displayName: `Person ${id}`,
    role: 'member',
    locale: 'fr',
    suspendedUntil: null,
    csrfToken: 'csrf',
    sessionTokenHash: tokenHash,
  };
}

function cacheWith(...viewers: Viewer[]): ViewerCache {
  const cache = new ViewerCache();
  for (const kept of viewers) cache.keep(kept, inAnHour, cache.mark());
  return cache;
}

describe('ViewerCache', () => {
  it('keeps a viewer until its time or its session ends, whichever comes first', () => {
    const now = Date.now();
    const cache = new ViewerCache(60_000);
    cache.keep(viewer(1), inAnHour, cache.mark(), now);
    cache.keep(viewer(2), new Date(now + 1_000), cache.mark(), now);
    expect(cache.get('token-1', now + 59_000)?.id).toBe(1);
    expect(cache.get('token-1', now + 60_000)).toBeUndefined();
    expect(cache.get('token-2', now + 999)?.id).toBe(2);
    expect(cache.get('token-2', now + 1_000)).toBeUndefined();
  });

  it('does not keep a read that started before something was dropped', () => {
    const cache = new ViewerCache();
    const mark = cache.mark();
    cache.forgetPerson(7);
    cache.keep(viewer(1), inAnHour, mark);
    expect(cache.get('token-1')).toBeUndefined();
    cache.keep(viewer(1), inAnHour, cache.mark());
    expect(cache.get('token-1')?.id).toBe(1);
  });

  it('forgets every session of the person a notification names, and only theirs', () => {
    const cache = cacheWith(viewer(1, 'a'), viewer(1, 'b'), viewer(2, 'c'));
    cache.onNotification('1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.id]).toEqual([undefined, undefined, 2]);
    cache.onNotification('not an id');
    expect(cache.size).toBe(0);
  });

  it('keeps at most its bound, the oldest dropped first, and hands out frozen viewers', () => {
    const cache = new ViewerCache(60_000, 2);
    for (const id of [1, 2, 3]) cache.keep(viewer(id), inAnHour, cache.mark());
    expect([cache.get('token-1'), cache.get('token-2')?.id, cache.get('token-3')?.id]).toEqual([
      undefined,
      2,
      3,
    ]);
    expect(Object.isFrozen(cache.get('token-3'))).toBe(true);
  });
});
