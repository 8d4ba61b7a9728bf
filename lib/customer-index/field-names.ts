import { z } from "zod";

/**
 * The customers table's optional columns, one per additional field the
 * dealership's customers have (GET /api/customers/field-names). A column's id
 * is `field:` and the field's name, as the table, the saved column choices
 * and the export all read it.
 */

export const FIELD_COLUMN_PREFIX = "field:";

export function fieldColumnId(name: string): string {
  return `${FIELD_COLUMN_PREFIX}${name}`;
}

/** The additional field a column shows, or undefined for one of the table's own columns. */
export function fieldOfColumn(columnId: string): string | undefined {
  return columnId.startsWith(FIELD_COLUMN_PREFIX) ? columnId.slice(FIELD_COLUMN_PREFIX.length) : undefined;
}

export const fieldNamesResponseSchema = z.object({ names: z.array(z.string()) });
export type FieldNamesResponse = z.infer<typeof fieldNamesResponseSchema>;
