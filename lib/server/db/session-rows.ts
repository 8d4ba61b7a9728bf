import "server-only";
import { db } from "./index";
import { toUserRecord, type UserRecord, type UserRow } from "./users";

/** The sessions table, as rows; lib/server/auth/sessions.ts decides what a session is and when it ends. */

export interface SessionRecord {
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
}

export function insertSession(id: string, userId: number, now: string): void {
  db()
    .prepare("INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)")
    .run(id, userId, now, now);
}

/** The session and its account in one read, because every authenticated request needs both. */
export function findSessionWithUser(id: string): { session: SessionRecord; user: UserRecord } | undefined {
  const row = db()
    .prepare(
      `SELECT users.*, sessions.id AS session_id, sessions.created_at AS session_created_at, sessions.last_seen_at AS session_last_seen_at
       FROM sessions JOIN users ON users.id = sessions.user_id
       WHERE sessions.id = ?`,
    )
    .get(id) as
    (UserRow & { session_id: string; session_created_at: string; session_last_seen_at: string }) | undefined;
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

export function touchSession(id: string, now: string): void {
  db().prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(now, id);
}

export function deleteSession(id: string): void {
  db().prepare("DELETE FROM sessions WHERE id = ?").run(id);
}

export function deleteSessionsOfUser(userId: number): void {
  db().prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
}

export function deleteSessionsIdleSince(cutoff: string): void {
  db().prepare("DELETE FROM sessions WHERE last_seen_at < ?").run(cutoff);
}
