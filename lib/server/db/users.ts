import "server-only";
import type { Selectable } from "kysely";
import type { Role } from "@/lib/auth/roles";
import { dashboardDatabase, database } from "./index";
import type { UsersTable } from "./schema";
import { lockRowsForWrite } from "./write-locks";

export interface UserRecord {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type UserRow = Selectable<UsersTable>;

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

// Emails are kept in lower case: SQLite's column ignores letter case, PostgreSQL's does not.
const sameEmail = (email: string) => email.toLowerCase();

export async function findUserByEmail(
  email: string,
): Promise<(UserRecord & { passwordHash: string }) | undefined> {
  const row = await (
    await database()
  )
    .selectFrom("users")
    .selectAll()
    .where("email", "=", sameEmail(email))
    .executeTakeFirst();
  return row && { ...toUserRecord(row), passwordHash: row.password_hash };
}

export async function findUserById(id: number): Promise<UserRecord | undefined> {
  const row = await (
    await database()
  )
    .selectFrom("users")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toUserRecord(row);
}

export async function listUsers(): Promise<UserRecord[]> {
  const rows = await (await database()).selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUserRecord);
}

export async function countUsers(): Promise<number> {
  const { count } = await (
    await database()
  )
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return count;
}

/** Inserts an account; undefined when the email is already taken (any letter case). */
export async function insertUser(user: {
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string;
}): Promise<UserRecord | undefined> {
  const now = new Date().toISOString();
  const row = await (
    await database()
  )
    .insertInto("users")
    .values({
      email: sameEmail(user.email),
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column("email").doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toUserRecord(row);
}

/** Why updateUser changed nothing. */
export type UserUpdateRefusal = "not_found" | "last_admin";

/**
 * Changes an account, unless it would leave no enabled admin. The check is
 * part of the UPDATE itself, and a change that takes an admin away first
 * locks the enabled admins (./write-locks.ts), so two admins disabling or
 * demoting each other at the same moment cannot both succeed, on one
 * instance or several.
 */
export async function updateUser(
  id: number,
  changes: { name?: string | null; role?: Role; disabled?: boolean },
): Promise<UserRecord | UserUpdateRefusal> {
  const { kysely, engine } = await dashboardDatabase();
  const takesAdminAway =
    (changes.role !== undefined && changes.role !== "admin") || changes.disabled === true;
  return kysely.transaction().execute(async (trx) => {
    const enabledAdmins = trx
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .where("disabled", "=", 0)
      .orderBy("id");
    if (takesAdminAway) await lockRowsForWrite(engine, enabledAdmins);
    const row = await trx
      .updateTable("users")
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.disabled !== undefined && { disabled: Number(changes.disabled) }),
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      // Not when this is an enabled admin and no other enabled admin exists.
      .$if(takesAdminAway, (update) =>
        update.where((eb) =>
          eb.or([
            eb("role", "<>", "admin"),
            eb("disabled", "<>", 0),
            eb.exists(enabledAdmins.where("id", "<>", id)),
          ]),
        ),
      )
      .returningAll()
      .executeTakeFirst();
    if (row) return toUserRecord(row);
    const exists = await trx.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst();
    return exists ? "last_admin" : "not_found";
  });
}

export async function setPasswordHash(id: number, passwordHash: string): Promise<boolean> {
  const result = await (
    await database()
  )
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
