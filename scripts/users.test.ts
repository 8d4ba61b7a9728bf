import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate, changeAccount } from "@/lib/server/auth/accounts";
import { closeDatabase } from "@/lib/server/db";
import { findUserByEmail } from "@/lib/server/db/users";

/** `npm run users` as an administrator runs it, against a database of its own, the password piped in. */
const folder = mkdtempSync(join(tmpdir(), "users-cli-"));
const DATABASE_URL = `file:${join(folder, "dashboard.db")}`;
vi.stubEnv("DATABASE_URL", DATABASE_URL);
vi.stubEnv("RECAPTURE_API_KEY", "");

function users(args: string[], password?: string) {
  // The CLI is a second process on the same file, as in real use; this one lets go of it meanwhile.
  closeDatabase();
  const result = spawnSync("npm", ["run", "--silent", "users", "--", ...args], {
    env: { ...process.env, DATABASE_URL, RECAPTURE_API_KEY: "" },
    input: password === undefined ? "" : `${password}\n`,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ADMIN = "boss@dealer.test";
const STAFF = "sam@dealer.test";

describe("npm run users", { timeout: 60_000 }, () => {
  beforeAll(() => {
    expect(users(["add", "--email", ADMIN, "--role", "admin"], "boss-password-1")).toMatchObject({
      status: 0,
    });
    expect(users(["add", "--email", STAFF, "--role", "staff"], "sam-password-12")).toMatchObject({
      status: 0,
    });
  }, 60_000);
  afterEach(() => closeDatabase());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("reset-password sets the password read from stdin", async () => {
    const result = users(["reset-password", "--email", STAFF], "a-new-sam-password");
    expect(result).toMatchObject({
      status: 0,
      stdout: expect.stringContaining(`Password reset for ${STAFF}`),
    });
    expect(await authenticate(STAFF, "a-new-sam-password")).toMatchObject({ email: STAFF });
    expect(await authenticate(STAFF, "sam-password-12")).toBeUndefined();
  });

  it("enable lets a disabled account sign in again", async () => {
    const admin = findUserByEmail(ADMIN)!;
    changeAccount(admin, findUserByEmail(STAFF)!.id, { disabled: true });
    expect(findUserByEmail(STAFF)?.disabled).toBe(true);

    const result = users(["enable", "--email", STAFF.toUpperCase()]);
    expect(result).toMatchObject({
      status: 0,
      stdout: expect.stringContaining(`Enabled staff account ${STAFF}`),
    });
    expect(findUserByEmail(STAFF)?.disabled).toBe(false);
  });

  it("name the account or the password that is wrong, and change nothing", async () => {
    expect(users(["enable", "--email", "nobody@dealer.test"])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("No account has the email nobody@dealer.test."),
    });
    expect(users(["enable"])).toMatchObject({ status: 1, stderr: expect.stringContaining("--email:") });
    expect(users(["reset-password", "--email", ADMIN], "short")).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("Password: Use at least 12 characters"),
    });
    expect(await authenticate(ADMIN, "boss-password-1")).toMatchObject({ email: ADMIN });
  });

  it("says in words, not as a status, why an account can't be added", () => {
    const result = users(["add", "--email", STAFF, "--role", "staff"], "another-password-1");
    expect(result).toMatchObject({
      status: 1,
      stderr: "An account with that email already exists.\n",
    });
  });
});
