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

export type ColumnVisibilityPreference = z.infer<typeof columnVisibilityPreferenceSchema>;

/** Each preference's value, by name. `email:leads`: whether the person gets lead emails (unset: yes). */
export interface PreferenceValues {
  "customers-table:columns": ColumnVisibilityPreference;
  "email:leads": boolean;
}
export type PreferenceName = keyof PreferenceValues;
export type PreferenceValue<N extends PreferenceName> = PreferenceValues[N];
/** The preferences that hold a table's column choices. */
export type ColumnPreferenceName = {
  [N in PreferenceName]: PreferenceValues[N] extends ColumnVisibilityPreference ? N : never;
}[PreferenceName];

export const USER_PREFERENCES: { [N in PreferenceName]: z.ZodType<PreferenceValues[N]> } = {
  "customers-table:columns": columnVisibilityPreferenceSchema,
  "email:leads": z.boolean(),
};

export const preferenceNameSchema = z.enum(Object.keys(USER_PREFERENCES) as [PreferenceName]);

const withinSize = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)).length <= PREFERENCE_MAX_BYTES;
const TOO_LARGE = `A preference is at most ${PREFERENCE_MAX_BYTES / 1024} KB`;

// zod can't work out an object's type around a generic schema; this one has a single field.
const holding = <T>(value: z.ZodType<T>) => z.object({ value }) as unknown as z.ZodType<{ value: T }>;

/** A PUT's body: the new value, replacing the old one whole. */
export function preferenceRequestSchema<N extends PreferenceName>(
  name: N,
): z.ZodType<{ value: PreferenceValue<N> }> {
  return holding(USER_PREFERENCES[name].refine(withinSize, TOO_LARGE));
}

/** What GET and PUT answer: the value kept, or null when the person hasn't chosen yet. */
export function preferenceResponseSchema<N extends PreferenceName>(
  name: N,
): z.ZodType<{ value: PreferenceValue<N> | null }> {
  return holding(USER_PREFERENCES[name].nullable());
}
