// Small rules shared by thread and post writes: input clean-up, and who an event names as actor.
import { invalid } from '../../errors.ts';
import type { ThreadRow } from './thread-access.ts';

export function cleanTitle(raw: string): string {
  const title = raw.trim();
  if (title.length < 8 || title.length > 200) {
    throw invalid('title', 'A title needs 8 to 200 characters.');
  }
  return title;
}

/** The markdown source is kept as typed; only a blank body is refused. */
export function cleanBody(raw: string): string {
  if (raw.trim() === '') throw invalid('body', 'Write something first.');
  return raw;
}

/** Events and notifications of an anonymous thread carry no author id. */
export function actorOf(thread: Pick<ThreadRow, 'isAnonymous' | 'authorId'>, writerId: number) {
  return thread.isAnonymous && thread.authorId === writerId ? null : writerId;
}

export function threadTopics(thread: Pick<ThreadRow, 'id' | 'groupId'>): string[] {
  return [`group:${thread.groupId}`, `thread:${thread.id}`];
}
