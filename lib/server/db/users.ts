import "server-only";
import type { Role } from "@/lib/auth/roles";
import { db } from "./index";

export interface UserRecord {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: number;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserByEmail(email: string): (UserRecord & { passwordHash: string }) | undefined {
  const row = db().prepare(`SELECT * FROM users WHERE email = ?`).get(email) as UserRow | undefined;
  return row && { ...toUserRecord(row), passwordHash: row.password_hash };
}

export function findUserById(id: number): UserRecord | undefined {
  const row = db().prepare(`SELECT * FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return row && toUserRecord(row);
}

export function listUsers(): UserRecord[] {
  const rows = db().prepare(`SELECT * FROM users ORDER BY email`).all() as UserRow[];
  return rows.map(toUserRecord);
}

export function countUsers(): number {
  return (db().prepare("SELECT COUNT(*) AS count FROM users").get() as { count: number }).count;
}

/** Inserts an account; undefined when the email is already taken (any letter case). */
export function insertUser(user: {
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string;
}): UserRecord | undefined {
  const now = new Date().toISOString();
  const row = db()
    .prepare(
      `INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (email) DO NOTHING
       RETURNING *`,
    )
    .get(user.email, user.name, user.role, user.passwordHash, now, now) as UserRow | undefined;
  return row && toUserRecord(row);
}

/** Why updateUser changed nothing. */
export type UserUpdateRefusal = "not_found" | "last_admin";

/**
 * Changes an account, unless it would leave no enabled admin: the check is part
 * of the UPDATE statement itself, inside a write transaction, so two admins
 * disabling or demoting each other at the same moment cannot both succeed.
 * (On PostgreSQL, READ COMMITTED lets two such statements each count the other
 * admin before it changes: there the transaction must lock the enabled-admin
 * rows first, SELECT … FOR UPDATE, or run SERIALIZABLE.)
 */
export function updateUser(
  id: number,
  changes: { name?: string | null; role?: Role; disabled?: boolean },
): UserRecord | UserUpdateRefusal {
  const database = db();
  return database
    .transaction((): UserRecord | UserUpdateRefusal => {
      const row = database
        .prepare(
          `UPDATE users SET
             name = CASE WHEN @setName THEN @name ELSE name END,
             role = COALESCE(@role, role),
             disabled = COALESCE(@disabled, disabled),
             updated_at = @now
           WHERE id = @id
             -- Not when an enabled admin would stop being one while no other enabled admin exists.
             AND NOT (
               role = 'admin' AND disabled = 0
               AND NOT (COALESCE(@role, role) = 'admin' AND COALESCE(@disabled, disabled) = 0)
               AND NOT EXISTS (
                 SELECT 1 FROM users other WHERE other.role = 'admin' AND other.disabled = 0 AND other.id <> @id
               )
             )
           RETURNING *`,
        )
        .get({
          id,
          setName: changes.name !== undefined ? 1 : 0,
          name: changes.name ?? null,
          role: changes.role ?? null,
          disabled: changes.disabled === undefined ? null : Number(changes.disabled),
          now: new Date().toISOString(),
        }) as UserRow | undefined;
      if (row) return toUserRecord(row);
      return findUserById(id) ? "last_admin" : "not_found";
    })
    .immediate();
}

export function setPasswordHash(id: number, passwordHash: string): boolean {
  const result = db()
    .prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
    .run(passwordHash, new Date().toISOString(), id);
  return result.changes === 1;
}
