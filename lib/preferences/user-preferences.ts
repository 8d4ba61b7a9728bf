import { z } from "zod";

/**
 * The choices a person keeps for themselves on the server, so they follow them
 * to another browser: each by name, with the shape of its value. Only these
 * names are stored; each value is at most 8 KB of JSON.
 */

export const PREFERENCE_MAX_BYTES = 8 * 1024;
const COLUMN_ID_MAX = 100;
const COLUMNS_MAX = 200;

/** Which columns a table shows, by column id (`field:customer_name`); columns not named show their default. */
export const columnVisibilityPreferenceSchema = z
  .record(
    z.string().min(1).max(COLUMN_ID_MAX, `A column id has at most ${COLUMN_ID_MAX} characters`),
    z.boolean(),
  )
  .refine((columns) => Object.keys(columns).length <= COLUMNS_MAX, `At most ${COLUMNS_MAX} columns`);

export const USER_PREFERENCES = {
  "customers-table:columns": columnVisibilityPreferenceSchema,
} as const;

export type PreferenceName = keyof typeof USER_PREFERENCES;
export type PreferenceValue<N extends PreferenceName> = z.infer<(typeof USER_PREFERENCES)[N]>;

export const preferenceNameSchema = z.enum(Object.keys(USER_PREFERENCES) as [PreferenceName]);

const withinSize = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)).length <= PREFERENCE_MAX_BYTES;
const TOO_LARGE = `A preference is at most ${PREFERENCE_MAX_BYTES / 1024} KB`;

/** A PUT's body: the new value, replacing the old one whole. */
export function preferenceRequestSchema<N extends PreferenceName>(name: N) {
  return z.object({ value: USER_PREFERENCES[name].refine(withinSize, TOO_LARGE) });
}

/** What GET and PUT answer: the value kept, or null when the person hasn't chosen yet. */
export function preferenceResponseSchema<N extends PreferenceName>(name: N) {
  return z.object({ value: USER_PREFERENCES[name].nullable() });
}
