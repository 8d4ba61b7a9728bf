import "server-only";
import { database } from "./index";
import { toUserRecord, type UserRecord } from "./users";

/** The sessions table, as rows; lib/server/auth/sessions.ts decides what a session is and when it ends. */

export interface SessionRecord {
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
}

export async function insertSession(id: string, userId: number, now: string): Promise<void> {
  await (
    await database()
  )
    .insertInto("sessions")
    .values({ id, user_id: userId, created_at: now, last_seen_at: now })
    .execute();
}

/** The session and its account in one read, because every authenticated request needs both. */
export async function findSessionWithUser(
  id: string,
): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const row = await (
    await database()
  )
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at as session_last_seen_at",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.session_id,
      userId: row.id,
      createdAt: row.session_created_at,
      lastSeenAt: row.session_last_seen_at,
    },
    user: toUserRecord(row),
  };
}

export async function touchSession(id: string, now: string): Promise<void> {
  await (await database()).updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function deleteSession(id: string): Promise<void> {
  await (await database()).deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionsOfUser(userId: number): Promise<void> {
  await (await database()).deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function deleteSessionsIdleSince(cutoff: string): Promise<void> {
  await (await database()).deleteFrom("sessions").where("last_seen_at", "<", cutoff).execute();
}
