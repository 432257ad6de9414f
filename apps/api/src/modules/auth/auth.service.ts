// Accounts: registration, sign-in with argon2id, sessions stored in the database.
import { hash, verify } from '@node-rs/argon2';
import type { LoginBody, RegisterBody, SessionUser } from '@serendip/contracts';
import { users, type Database } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { hashToken, newToken, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import { INTERNAL_TOPIC, SESSION_ENDED } from '../realtime/event-shape.ts';
import {
  deleteSession,
  emailOrHandleTaken,
  findUserByEmail,
  insertSession,
} from './auth.queries.ts';

// Algorithm 2 is argon2id; OWASP's minimum profile (19 MiB, 2 passes).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Verifying against this keeps "unknown email" as slow as "wrong password".
const DUMMY_HASH_PROMISE = hash('not-a-real-password', ARGON2);

const RESERVED_HANDLES = new Set(['me', 'admin', 'api', 'new', 'edit', 'settings']);

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

type UserRow = typeof users.$inferSelect;

export function toSessionUser(
  user: Pick<UserRow, 'id' | 'handle' | 'displayName' | 'role' | 'locale' | 'suspendedUntil'>,
): SessionUser {
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
  };
}

async function openSession(db: Database, user: UserRow, sessionDays: number): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  await insertSession(db, { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user: toSessionUser(user) };
}

export interface RegistrationPolicy {
  sessionDays: number;
  /** Lower-cased emails whose accounts are created as administrators (ADMIN_EMAILS). */
  adminEmails: readonly string[];
}

export async function register(
  db: Database,
  input: RegisterBody,
  { sessionDays, adminEmails }: RegistrationPolicy,
): Promise<NewSession> {
  const taken = await emailOrHandleTaken(db, input.email, input.handle);
  // Route words: /api/users/me and /u/me must keep meaning "me".
  if (RESERVED_HANDLES.has(input.handle.toLowerCase())) taken.handle = true;
  if (taken.email) {
    throw new DomainError('email_taken', 'An account already uses this email.', {
      email: 'already used',
    });
  }
  if (taken.handle) {
    throw new DomainError('handle_taken', 'This handle is taken; choose another.', {
      handle: 'already taken',
    });
  }
  const passwordHash = await hash(input.password, ARGON2);
  // Administrators review held posts, so their own posts are never held (trust level 2).
  const isAdmin = adminEmails.includes(input.email.trim().toLowerCase());
  const user = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        handle: input.handle,
        displayName: input.displayName.trim(),
        locale: input.locale ?? 'fr',
        passwordHash,
        ...(isAdmin ? { role: 'admin' as const, trustLevel: 2 } : {}),
      })
      .returning();
    await queueSearchUpdate(tx, 'user', [created!.id]);
    return created!;
  });
  return openSession(db, user, sessionDays);
}

export async function login(
  db: Database,
  input: LoginBody,
  sessionDays: number,
): Promise<NewSession> {
  const user = await findUserByEmail(db, input.email.trim());
  const passwordOk = await verify(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), input.password);
  if (!user || !passwordOk || user.deletedAt) {
    throw new DomainError('invalid_credentials', 'Wrong email or password.');
  }
  return openSession(db, user, sessionDays);
}

export async function logout(db: Database, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, viewer.sessionTokenHash);
    // Every API process closes the sockets opened with this session (see sessionEndOf).
    await recordEvent(tx, {
      type: SESSION_ENDED,
      topics: [INTERNAL_TOPIC],
      actorId: viewer.id,
      payload: { sessionTokenHash: viewer.sessionTokenHash },
    });
  });
}
