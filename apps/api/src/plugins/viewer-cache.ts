// Each API process keeps the viewers of recently seen sessions, so that a read costs no session
// query (on a small thread page that query was a third of the database work). A kept viewer is
// dropped whenever it may have become wrong:
// - a write in this process: every kept viewer is dropped when it starts and again before its
//   reply, so the writer and anyone it changed are read again (writes themselves always read
//   their session afresh: suspensions and sign-outs take effect on the next write everywhere);
// - a change made by another process or a script: triggers on users and sessions notify
//   'serendip_viewers' with the person's id (migration 0012), and that person's viewers go;
// - the listening connection restarting (notifications were lost meanwhile): all of them go;
// - time: a viewer is kept at most a minute, and never past its session's expiry.
import type { Viewer } from './session.ts';

export const VIEWERS_CHANNEL = 'serendip_viewers';

const KEEP_MS = 60_000;
const MAX_KEPT = 10_000;

interface Kept {
  viewer: Viewer;
  validUntil: number;
}

export class ViewerCache {
  private readonly kept = new Map<string, Kept>();
  /** Moves on every drop: a read that started before a drop may carry what was dropped. */
  private generation = 0;

  constructor(
    private readonly keepMs = KEEP_MS,
    private readonly maxKept = MAX_KEPT,
  ) {}

  get size(): number {
    return this.kept.size;
  }

  /** Where a read starts; pass it to `keep` once the read is done. */
  mark(): number {
    return this.generation;
  }

  get(tokenHash: string, now = Date.now()): Viewer | undefined {
    const entry = this.kept.get(tokenHash);
    if (!entry) return undefined;
    if (entry.validUntil > now) return entry.viewer;
    this.kept.delete(tokenHash);
    return undefined;
  }

  /** Keeps a viewer read since `mark`, unless something was dropped meanwhile. */
  keep(viewer: Viewer, sessionExpiresAt: Date, mark: number, now = Date.now()): void {
    if (mark !== this.generation) return;
    if (this.kept.size >= this.maxKept) this.kept.delete(this.kept.keys().next().value!);
    const validUntil = Math.min(now + this.keepMs, sessionExpiresAt.getTime());
    this.kept.set(viewer.sessionTokenHash, { viewer: Object.freeze(viewer), validUntil });
  }

  forgetPerson(userId: number): void {
    this.generation++;
    for (const [tokenHash, entry] of this.kept) {
      if (entry.viewer.id === userId) this.kept.delete(tokenHash);
    }
  }

  forgetAll(): void {
    this.generation++;
    this.kept.clear();
  }

  /** A 'serendip_viewers' notification: the id of the person whose viewers changed. */
  onNotification(payload: string): void {
    const userId = Number(payload);
    if (Number.isSafeInteger(userId)) this.forgetPerson(userId);
    else this.forgetAll();
  }
}
