import "server-only";
import { database, type Db } from "./index";

/** The column_mappings table (migrations/column-mappings.ts): one shared mapping per set of headers. */

export interface ColumnMappingRow {
  headersHash: string;
  columnCount: number;
  /** JSON, as the wizard sent it and the caller checked it. */
  mapping: string;
  savedBy: { userId: number | null; email: string; name: string | null };
  savedAt: string;
}

export async function findColumnMapping(headersHash: string, db?: Db): Promise<ColumnMappingRow | undefined> {
  const row = await (db ?? (await database()))
    .selectFrom("column_mappings")
    .selectAll()
    .where("headers_hash", "=", headersHash)
    .executeTakeFirst();
  return (
    row && {
      headersHash: row.headers_hash,
      columnCount: row.column_count,
      mapping: row.mapping,
      savedBy: { userId: row.saved_by_user_id, email: row.saved_by_email, name: row.saved_by_name },
      savedAt: row.saved_at,
    }
  );
}

/** Stores the mapping for its headers, replacing whatever was saved for them before (the last one saved wins). */
export async function saveColumnMapping(row: ColumnMappingRow, db?: Db): Promise<void> {
  const values = {
    headers_hash: row.headersHash,
    column_count: row.columnCount,
    mapping: row.mapping,
    saved_by_user_id: row.savedBy.userId,
    saved_by_email: row.savedBy.email,
    saved_by_name: row.savedBy.name,
    saved_at: row.savedAt,
  };
  await (db ?? (await database()))
    .insertInto("column_mappings")
    .values(values)
    .onConflict((conflict) =>
      conflict.column("headers_hash").doUpdateSet({
        column_count: values.column_count,
        mapping: values.mapping,
        saved_by_user_id: values.saved_by_user_id,
        saved_by_email: values.saved_by_email,
        saved_by_name: values.saved_by_name,
        saved_at: values.saved_at,
      }),
    )
    .execute();
}
