import { FIELD_COLUMN_PREFIX, fieldOfColumn } from "@/lib/customer-index/field-names";

/**
 * The columns of a customers export, named by the ids of the customers table's
 * columns so the export carries what the table shows, in its order:
 * `columns=rego,state,sightings,field:customer_name`. Additional-field columns
 * are `field:` and the field's name, whatever fields the dealership has.
 */

export const CUSTOMER_COLUMNS = [
  "rego",
  "state",
  "vin",
  "vehicle_title",
  "external_id",
  "sale_date",
  "monitoring",
  "sightings",
  "last_updated",
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export type FieldColumn = `${typeof FIELD_COLUMN_PREFIX}${string}`;
export type ExportColumn = CustomerColumn | FieldColumn;

/** Wider than any table a person looks at, and bounded so a crafted link can't ask for thousands. */
export const MAX_EXPORT_COLUMNS = 60;
export const MAX_FIELD_NAME_LENGTH = 64;

export type ExportColumnsResult = { columns: ExportColumn[] } | { error: string };

function isCustomerColumn(id: string): id is CustomerColumn {
  return (CUSTOMER_COLUMNS as readonly string[]).includes(id);
}

function isFieldColumn(id: string): id is FieldColumn {
  const name = fieldOfColumn(id);
  return name !== undefined && name.trim() !== "" && name.length <= MAX_FIELD_NAME_LENGTH;
}

/** The `columns` parameter read: every column when it is missing, else the ids in order, once each. */
export function parseExportColumns(text: string | null): ExportColumnsResult {
  if (text === null || text.trim() === "") return { columns: [...CUSTOMER_COLUMNS] };
  const ids = [...new Set(text.split(",").map((id) => id.trim()))].filter((id) => id !== "");
  if (ids.length > MAX_EXPORT_COLUMNS)
    return { error: `An export has at most ${MAX_EXPORT_COLUMNS} columns; ${ids.length} were asked for.` };
  const unknown = ids.filter((id) => !isCustomerColumn(id) && !isFieldColumn(id));
  if (unknown.length > 0)
    return {
      error: `Unknown ${unknown.length === 1 ? "column" : "columns"}: ${unknown
        .map((id) => `"${id.slice(0, MAX_FIELD_NAME_LENGTH + FIELD_COLUMN_PREFIX.length)}"`)
        .join(
          ", ",
        )}. Columns are ${CUSTOMER_COLUMNS.join(", ")} and ${FIELD_COLUMN_PREFIX}<field name> (at most ${MAX_FIELD_NAME_LENGTH} characters).`,
    };
  return { columns: ids as ExportColumn[] };
}

/** The `columns` parameter for a table's visible columns (ids that aren't export columns, like "expand", left out). */
export function exportColumnsParam(visibleColumnIds: readonly string[]): string {
  return visibleColumnIds.filter((id) => isCustomerColumn(id) || isFieldColumn(id)).join(",");
}
