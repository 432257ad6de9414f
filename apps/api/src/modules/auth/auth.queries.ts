// Database access for accounts and sessions.
import { eq, sql } from 'drizzle-orm';
import { sessions, users, type Executor } from '@serendip/db';

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

export async function emailOrHandleTaken(db: Executor, email: string, handle: string) {
  const rows = await db
    .select({ email: users.email, handle: users.handle })
    .from(users)
    .where(
      sql`lower(${users.email}) = lower(${email}) or lower(${users.handle}) = lower(${handle})`,
    );
  return {
    email: rows.some((row) => row.email.toLowerCase() === email.toLowerCase()),
    handle: rows.some((row) => row.handle.toLowerCase() === handle.toLowerCase()),
  };
}

export async function insertSession(
  db: Executor,
  values: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
