import { expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { database } from "./index";
import { findUserPreference, saveUserPreference } from "./user-preferences";
import { insertUser } from "./users";

const COLUMNS = "customers-table:columns";

async function account(email: string): Promise<number> {
  const user = await insertUser({ email, name: null, role: "staff", passwordHash: "x" });
  return user!.id;
}

describeEachEngine("user preferences", () => {
  it("has nothing until the person chooses", async () => {
    const sam = await account("sam@dealership.example");
    expect(await findUserPreference(sam, COLUMNS)).toBeNull();
  });

  it("keeps each person's latest choice, apart from everyone else's", async () => {
    const sam = await account("sam@dealership.example");
    const priya = await account("priya@dealership.example");
    await saveUserPreference(sam, COLUMNS, { "field:salesperson": true });
    await saveUserPreference(sam, COLUMNS, { "field:salesperson": true, vin: false });
    await saveUserPreference(priya, COLUMNS, { "field:branch": true });
    expect(await findUserPreference(sam, COLUMNS)).toEqual({ "field:salesperson": true, vin: false });
    expect(await findUserPreference(priya, COLUMNS)).toEqual({ "field:branch": true });
  });

  it("reads a stored value that no longer fits the preference's shape as not chosen", async () => {
    const sam = await account("sam@dealership.example");
    await (
      await database()
    )
      .insertInto("user_preferences")
      .values([
        { user_id: sam, name: COLUMNS, value: '{"vin":"yes"}', updated_at: "2026-12-03T00:00:00.000Z" },
      ])
      .execute();
    expect(await findUserPreference(sam, COLUMNS)).toBeNull();
  });

  it("goes with the account", async () => {
    const sam = await account("sam@dealership.example");
    await saveUserPreference(sam, COLUMNS, { vin: false });
    const db = await database();
    await db.deleteFrom("users").where("id", "=", sam).execute();
    expect(await db.selectFrom("user_preferences").selectAll().execute()).toEqual([]);
  });

  it("is refused for an account that doesn't exist", async () => {
    await expect(saveUserPreference(999, COLUMNS, { vin: false })).rejects.toThrow();
  });
});
