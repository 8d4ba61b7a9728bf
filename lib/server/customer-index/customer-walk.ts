import "server-only";
import type { CustomerListEntry } from "@/lib/recapture/schemas";

/**
 * Reads a whole customer list from the Recapture API, page by page, so that
 * nothing is lost or read twice while the list changes underneath.
 *
 * The API pages by offset, oldest first. A customer created meanwhile is
 * appended, and the walk reaches it. A customer deleted before the walk's
 * position moves every later one a place to the left, so the next offset
 * would skip one. So each page starts one place early, on the last customer
 * already written (the anchor). When it starts on anything else, the list has
 * shifted: if that customer was already written nothing was skipped, and the
 * walk carries on from there; if not, the walk steps back, further each time,
 * until a page starts on a customer it has written (or at the start), and
 * reads forward again. Writing a customer twice only writes it again.
 *
 * The next page is read while one is written, so the API and the database
 * work at the same time; no more than those two pages are held, so memory
 * doesn't grow with the list.
 */

export interface ListPage {
  total: number;
  customers: CustomerListEntry[];
}

export interface WalkSteps {
  read(offset: number): Promise<ListPage>;
  write(customers: CustomerListEntry[]): Promise<void>;
  /** Whether this walk has already written the customer. */
  wasWritten(customerId: string): Promise<boolean>;
  progress?(done: number, total: number): Promise<void>;
}

/** The list shifted under the walk so often that it stopped getting further; the next pass starts over. */
export class ListKeptChangingError extends Error {
  constructor() {
    super("The customer list kept changing while it was read; the next sync starts again.");
    this.name = "ListKeptChangingError";
  }
}

/** Pages in a row that end no further into the list than one already written. */
const MAX_PAGES_WITHOUT_PROGRESS = 20;

/** The position of the last customer on the page with an id, to start the next page on. */
function lastWithId(customers: readonly CustomerListEntry[]): number {
  for (let index = customers.length - 1; index >= 0; index -= 1) if (customers[index]!.id) return index;
  return -1;
}

export async function walkCustomerList(steps: WalkSteps, pageSize: number): Promise<void> {
  let offset = 0;
  let anchor: string | undefined;
  let stepBack = pageSize;
  let furthest = 0;
  let pagesWithoutProgress = 0;
  let readAhead: Promise<ListPage> | undefined;
  for (;;) {
    const page = await (readAhead ?? steps.read(offset));
    readAhead = undefined;
    const first = page.customers[0]?.id;
    const onCourse =
      offset === 0 ||
      anchor === undefined ||
      first === anchor ||
      (first !== undefined && (await steps.wasWritten(first)));
    if (!onCourse) {
      offset = Math.max(0, offset - stepBack);
      stepBack *= 2;
      continue;
    }
    stepBack = pageSize;
    const end = offset + page.customers.length;
    pagesWithoutProgress = end > furthest ? 0 : pagesWithoutProgress + 1;
    furthest = Math.max(furthest, end);
    if (pagesWithoutProgress > MAX_PAGES_WITHOUT_PROGRESS) throw new ListKeptChangingError();

    const atEnd = page.customers.length < pageSize;
    if (!atEnd) {
      const last = lastWithId(page.customers);
      // A page with no id past its first (every record unreadable) can't be checked: read on after it.
      anchor = last > 0 ? page.customers[last]!.id : undefined;
      offset += last > 0 ? last : page.customers.length;
      readAhead = steps.read(offset);
      // Should the write fail first, the read's own failure is not the one to report.
      readAhead.catch(() => undefined);
    }
    await steps.write(page.customers);
    await steps.progress?.(Math.min(end, page.total), page.total);
    if (atEnd) return;
  }
}
