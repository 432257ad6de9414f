// Who may subscribe to a topic: the same rules as the matching HTTP read. A private group, its
// threads and its queue look exactly like unknown ones to a non-member ('not_found').
import type { Database } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { loadGroupAccess, moderatesWith } from '../groups/groups.access.ts';
import { loadThreadAccess } from '../threads/thread-access.ts';

export type TopicDecision =
  | {
      allowed: true;
      /** The group whose membership rules guard the topic. */ groupId: number | null;
    }
  | { allowed: false; code: 'not_found' | 'forbidden' };

const notFound: TopicDecision = { allowed: false, code: 'not_found' };
const forbidden: TopicDecision = { allowed: false, code: 'forbidden' };

function parseTopic(topic: string): { kind: string; id: number | null } {
  const [kind = '', id] = topic.split(':');
  return { kind, id: id === undefined ? null : Number(id) };
}

/** Unknown and unreadable ids answer 'not_found'; other errors are real failures. */
async function readable(load: () => Promise<TopicDecision>): Promise<TopicDecision> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DomainError && error.code.endsWith('_not_found')) return notFound;
    throw error;
  }
}

export function authorizeTopic(
  db: Database,
  viewer: Viewer,
  topic: string,
): Promise<TopicDecision> {
  const { kind, id } = parseTopic(topic);
  switch (kind) {
    case 'thread':
      return readable(async () => {
        const access = await loadThreadAccess(db, viewer, id!);
        return { allowed: true, groupId: access.thread.groupId };
      });
    case 'group':
      return readable(async () => {
        await loadGroupAccess(db, viewer, { id: id! });
        return { allowed: true, groupId: id };
      });
    case 'user':
      return Promise.resolve(id === viewer.id ? { allowed: true, groupId: null } : forbidden);
    case 'moderation':
      if (id === null)
        return Promise.resolve(isStaff(viewer) ? { allowed: true, groupId: null } : forbidden);
      return readable(async () => {
        const access = await loadGroupAccess(db, viewer, { id });
        return moderatesWith(viewer, access.membership)
          ? { allowed: true, groupId: id }
          : forbidden;
      });
    default:
      return Promise.resolve(notFound);
  }
}
