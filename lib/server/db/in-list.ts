/**
 * SQLite allows 32,766 bound values in one statement and PostgreSQL 65,535, so
 * a list of ids is never bound whole: it is queried a chunk at a time and the
 * rows put together.
 */
export const IN_LIST_CHUNK = 500;

/** Runs `query` once per chunk of `values`, one after another, and concatenates the rows. */
export async function inChunks<T, R>(
  values: readonly T[],
  query: (chunk: T[]) => Promise<R[]>,
  size = IN_LIST_CHUNK,
): Promise<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < values.length; start += size) {
    rows.push(...(await query(values.slice(start, start + size))));
  }
  return rows;
}
