import "server-only";
import {
  USER_PREFERENCES,
  type PreferenceName,
  type PreferenceValue,
} from "@/lib/preferences/user-preferences";
import { database } from "./index";

/** The user_preferences table (migrations/user-preferences.ts): one value per person and preference. */

/**
 * The value `userId` keeps for `name`, or null when they haven't chosen. A
 * value that no longer fits the preference's shape (an older version's) reads
 * as not chosen, so the default applies rather than an error.
 */
export async function findUserPreference<N extends PreferenceName>(
  userId: number,
  name: N,
): Promise<PreferenceValue<N> | null> {
  const row = await (
    await database()
  )
    .selectFrom("user_preferences")
    .select("value")
    .where("user_id", "=", userId)
    .where("name", "=", name)
    .executeTakeFirst();
  if (!row) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = USER_PREFERENCES[name].safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Keeps `value` as `userId`'s choice for `name`, replacing any earlier one. The caller has checked it. */
export async function saveUserPreference<N extends PreferenceName>(
  userId: number,
  name: N,
  value: PreferenceValue<N>,
  now = new Date(),
): Promise<void> {
  const row = { user_id: userId, name, value: JSON.stringify(value), updated_at: now.toISOString() };
  await (
    await database()
  )
    .insertInto("user_preferences")
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(["user_id", "name"]).doUpdateSet({ value: row.value, updated_at: row.updated_at }),
    )
    .execute();
}
