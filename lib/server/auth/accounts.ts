import "server-only";
import type { Role } from "@/lib/auth/roles";
import { deleteSessionsOfUser } from "@/lib/server/db/session-rows";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  setPasswordHash,
  updateUser,
  type UserRecord,
} from "@/lib/server/db/users";
import { mode } from "@/lib/server/env";
import { DomainError } from "@/lib/server/domain-error";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./sessions";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "Demo Admin", role: "admin" },
  { email: "manager@demo.local", name: "Demo Manager", role: "manager" },
  { email: "staff@demo.local", name: "Demo Staff", role: "staff" },
  { email: "viewer@demo.local", name: "Demo Viewer", role: "viewer" },
];

/** Creates the demo accounts in emulator mode; in live mode they must never exist. */
export async function seedDemoAccounts(): Promise<void> {
  if (mode() !== "emulator") return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) await insertUser({ ...account, passwordHash });
}

/** The account for an email and password, or undefined, taking the same time whether or not the email exists. */
export async function authenticate(email: string, password: string): Promise<SessionUser | undefined> {
  const user = await findUserByEmail(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || user.disabled) return undefined;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function createAccount(input: {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
}): Promise<UserRecord> {
  const user = await insertUser({
    email: input.email,
    name: input.name || null,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  if (!user) throw emailTaken();
  return user;
}

/**
 * Changes an account's name, role or access. Admins cannot demote or disable
 * themselves, and no change may leave the dashboard without an enabled admin
 * (checked in the same transaction as the change, so two admins disabling each
 * other at once cannot both succeed). Disabling ends the account's sessions at once.
 */
export async function changeAccount(
  actor: SessionUser,
  id: number,
  changes: { name?: string | null; role?: Role; disabled?: boolean },
): Promise<UserRecord> {
  if (id === actor.id && ((changes.role && changes.role !== actor.role) || changes.disabled)) {
    throw new DomainError(
      "conflict",
      "own_account",
      "You can't change your own role or disable your own account.",
    );
  }
  const user = await updateUser(id, changes);
  if (user === "not_found") throw accountNotFound();
  if (user === "last_admin") {
    throw new DomainError(
      "conflict",
      "last_admin",
      "That is the last enabled administrator: make another account an administrator first.",
    );
  }
  if (user.disabled) await deleteSessionsOfUser(id);
  return user;
}

/** Lets a disabled account sign in again: the command line's way back in when no administrator can. */
export async function enableAccount(id: number): Promise<UserRecord> {
  const user = await updateUser(id, { disabled: false });
  // Enabling never takes an admin away, so "last_admin" cannot happen here.
  if (typeof user === "string") throw accountNotFound();
  return user;
}

/** Sets a new password and signs the account out everywhere, so whoever knew the old one is locked out. */
export async function resetPassword(id: number, password: string): Promise<UserRecord> {
  const user = await findUserById(id);
  if (!user || !(await setPasswordHash(id, await hashPassword(password)))) throw accountNotFound();
  await deleteSessionsOfUser(id);
  return user;
}

const accountNotFound = () => new DomainError("not_found", "not_found", "That account doesn't exist.");
const emailTaken = () =>
  new DomainError("conflict", "email_taken", "An account with that email already exists.", {
    fields: { email: "Already in use" },
  });
