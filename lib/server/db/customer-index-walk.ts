import "server-only";
import type { ExpressionBuilder } from "kysely";
import { indexedCustomersQuerySchema } from "@/lib/customer-index/query";
import { searchPrefixes } from "@/lib/customer-index/search-terms";
import type { Customer } from "@/lib/recapture/schemas";
import {
  inSortOrder,
  matching,
  SORT_COLUMNS,
  withSightings,
  type IndexedCustomersQuestion,
} from "./customer-index-search";
import { database } from "./index";
import type { IndexedCustomersTable, Tables } from "./schema";

/**
 * Every customer matching a question, in the order searchIndexedCustomers
 * pages them, a chunk at a time (for the export). Each chunk starts after the
 * last row of the one before, read off the sort's index by (column, key), so
 * the 100th chunk costs what the first did, where an OFFSET would count past
 * every row before it. Chunks are read on demand: a reader that stops asking
 * stops the walk, and only one chunk is held at a time.
 *
 * The empty values of the sort column sit at one end of the order (first when
 * ascending, last when descending) and compare as nothing, so the walk reads
 * them as a phase of their own: each query's condition is then a plain range
 * on the index.
 */

export const WALK_CHUNK = 1_000;

const questionSchema = indexedCustomersQuerySchema.omit({ page: true, pageSize: true });

type Filterable = ExpressionBuilder<Tables & { c: IndexedCustomersTable }, "c">;
type SortValue = string | null;

interface Position {
  value: SortValue;
  key: number;
}

export async function* walkIndexedCustomers(
  question: IndexedCustomersQuestion,
  { now = new Date(), chunkSize = WALK_CHUNK }: { now?: Date; chunkSize?: number } = {},
): AsyncGenerator<Customer[]> {
  const query = questionSchema.parse(question);
  const db = await database();
  const column = SORT_COLUMNS[query.sort];
  const where = matching(query, query.search ? searchPrefixes(query.search) : [], now);
  const ascending = query.direction === "asc";
  const phases: ("empty" | "valued")[] = ascending ? ["empty", "valued"] : ["valued", "empty"];
  const after = ascending ? ">" : "<";

  for (const phase of phases) {
    let last: Position | undefined;
    for (;;) {
      const inPhase = (eb: Filterable) => {
        if (phase === "empty")
          return eb.and([eb(column, "is", null), ...(last ? [eb("c.key", after, last.key)] : [])]);
        return last
          ? eb(eb.refTuple(column, "c.key"), after, eb.tuple(last.value as string, last.key))
          : eb(column, "is not", null);
      };
      const rows = await inSortOrder(
        db
          .selectFrom("indexed_customers as c")
          .selectAll("c")
          .select((eb) => eb.ref(column).as("sort_value"))
          .where(where)
          .where(inPhase),
        query,
      )
        .limit(chunkSize)
        .execute();
      if (rows.length === 0) break;
      const end = rows[rows.length - 1]!;
      last = { value: end.sort_value, key: end.key };
      yield await withSightings(rows);
      if (rows.length < chunkSize) break;
    }
  }
}
