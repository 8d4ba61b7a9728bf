import { spawnSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate, changeAccount } from "@/lib/server/auth/accounts";
import { closeDatabase } from "@/lib/server/db";
import { findUserByEmail } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { TEST_ENGINES } from "@/lib/testing/database-engines";

vi.stubEnv("RECAPTURE_API_KEY", "");

/** `npm run users` as an administrator runs it, against the database DATABASE_URL names, the password piped in. */
async function users(args: string[], password?: string) {
  // The CLI is a second process on the same database, as in real use; this one lets go of it meanwhile.
  await closeDatabase();
  const result = spawnSync("npm", ["run", "--silent", "users", "--", ...args], {
    env: { ...process.env, RECAPTURE_API_KEY: "" },
    input: password === undefined ? "" : `${password}\n`,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ADMIN = "boss@dealer.test";
const STAFF = "sam@dealer.test";

for (const engine of TEST_ENGINES) {
  describe(`npm run users (${engine.name})`, { timeout: 60_000 }, () => {
    beforeAll(async () => {
      // One database for all these cases, as an administrator's commands follow one another.
      vi.stubEnv("DATABASE_URL", await engine.persistentUrl());
      forgetSettings();
      expect(await users(["add", "--email", ADMIN, "--role", "admin"], "boss-password-1")).toMatchObject({
        status: 0,
      });
      expect(await users(["add", "--email", STAFF, "--role", "staff"], "sam-password-12")).toMatchObject({
        status: 0,
      });
    }, 60_000);
    afterEach(() => closeDatabase());

    it("reset-password sets the password read from stdin", async () => {
      const result = await users(["reset-password", "--email", STAFF], "a-new-sam-password");
      expect(result).toMatchObject({
        status: 0,
        stdout: expect.stringContaining(`Password reset for ${STAFF}`),
      });
      expect(await authenticate(STAFF, "a-new-sam-password")).toMatchObject({ email: STAFF });
      expect(await authenticate(STAFF, "sam-password-12")).toBeUndefined();
    });

    it("enable lets a disabled account sign in again", async () => {
      const admin = (await findUserByEmail(ADMIN))!;
      await changeAccount(admin, (await findUserByEmail(STAFF))!.id, { disabled: true });
      expect((await findUserByEmail(STAFF))?.disabled).toBe(true);

      const result = await users(["enable", "--email", STAFF.toUpperCase()]);
      expect(result).toMatchObject({
        status: 0,
        stdout: expect.stringContaining(`Enabled staff account ${STAFF}`),
      });
      expect((await findUserByEmail(STAFF))?.disabled).toBe(false);
    });

    it("name the account or the password that is wrong, and change nothing", async () => {
      expect(await users(["enable", "--email", "nobody@dealer.test"])).toMatchObject({
        status: 1,
        stderr: expect.stringContaining("No account has the email nobody@dealer.test."),
      });
      expect(await users(["enable"])).toMatchObject({
        status: 1,
        stderr: expect.stringContaining("--email:"),
      });
      expect(await users(["reset-password", "--email", ADMIN], "short")).toMatchObject({
        status: 1,
        stderr: expect.stringContaining("Password: Use at least 12 characters"),
      });
      expect(await authenticate(ADMIN, "boss-password-1")).toMatchObject({ email: ADMIN });
    });

    it("says in words, not as a status, why an account can't be added", async () => {
      const result = await users(["add", "--email", STAFF, "--role", "staff"], "another-password-1");
      expect(result).toMatchObject({
        status: 1,
        stderr: "An account with that email already exists.\n",
      });
    });
  });
}
