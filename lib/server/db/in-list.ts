/**
 * SQLite allows 32,766 variables in one statement (999 before 3.32), so a list
 * of ids is never bound whole: it is queried a chunk at a time and the rows put
 * together.
 */
export const IN_LIST_CHUNK = 500;

/** Runs `query` once per chunk of `values` with the matching `?, ?, …` and concatenates the rows. */
export function inChunks<T, R>(
  values: readonly T[],
  query: (chunk: T[], placeholders: string) => R[],
  size = IN_LIST_CHUNK,
): R[] {
  const rows: R[] = [];
  for (let start = 0; start < values.length; start += size) {
    const chunk = values.slice(start, start + size);
    rows.push(...query(chunk, chunk.map(() => "?").join(", ")));
  }
  return rows;
}
