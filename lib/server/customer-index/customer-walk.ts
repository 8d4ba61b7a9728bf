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
 * The next page is read while earlier ones are written, so the API and the
 * database work at the same time. Pages are written a few at a time
 * (`pagesPerWrite`), each few in one go, which costs the database far less
 * than one page at a time; no more than two such writes' pages (and the page
 * being read) are held, so memory doesn't grow with the list.
 */

export interface ListPage {
  total: number;
  customers: CustomerListEntry[];
}

export interface WalkSteps<Page extends ListPage = ListPage> {
  read(offset: number): Promise<Page>;
  /** Writes the customers of one or more pages read one after another, the first of them `firstPage`. */
  write(customers: CustomerListEntry[], firstPage: Page): Promise<void>;
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

/**
 * Pages read and not yet written, and the write in progress: a full batch
 * starts writing once the one before has finished, while the walk reads on.
 */
class PendingWrites<Page extends ListPage> {
  private customers: CustomerListEntry[] = [];
  private firstPage?: Page;
  private pages = 0;
  private progress?: { done: number; total: number };
  private writing?: Promise<void>;
  private failure?: { error: unknown };

  constructor(
    private readonly steps: WalkSteps<Page>,
    private readonly pagesPerWrite: number,
  ) {}

  /** Adds a page; a full batch starts writing. Rethrows a write's failure. */
  async add(page: Page, progress: { done: number; total: number }): Promise<void> {
    this.firstPage ??= page;
    this.customers.push(...page.customers);
    this.pages += 1;
    this.progress = progress;
    if (this.pages >= this.pagesPerWrite) await this.start();
    else this.rethrow();
  }

  /** Writes everything added, and waits until it is written. */
  async flush(): Promise<void> {
    await this.start();
    await this.settled();
  }

  /** Waits for the write in progress, and rethrows its failure. */
  async settled(): Promise<void> {
    await this.writing;
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  private async start(): Promise<void> {
    await this.settled();
    if (this.pages === 0) return;
    // Each page starts on the last customer of the one before: written once, as last read.
    const byId = new Map<string, CustomerListEntry>();
    const withoutId: CustomerListEntry[] = [];
    for (const customer of this.customers) {
      if (!customer.id) withoutId.push(customer);
      else {
        byId.delete(customer.id);
        byId.set(customer.id, customer);
      }
    }
    const progress = this.progress!;
    const firstPage = this.firstPage!;
    this.firstPage = undefined;
    this.customers = [];
    this.pages = 0;
    this.writing = (async () => {
      await this.steps.write([...byId.values(), ...withoutId], firstPage);
      await this.steps.progress?.(progress.done, progress.total);
    })().catch((error: unknown) => {
      this.failure = { error };
    });
  }
}

export async function walkCustomerList<Page extends ListPage>(
  steps: WalkSteps<Page>,
  pageSize: number,
  pagesPerWrite = 1,
): Promise<void> {
  let offset = 0;
  let anchor: string | undefined;
  let stepBack = pageSize;
  let furthest = 0;
  let pagesWithoutProgress = 0;
  let readAhead: Promise<Page> | undefined;
  const pending = new PendingWrites(steps, pagesPerWrite);
  try {
    for (;;) {
      const page = await (readAhead ?? steps.read(offset));
      readAhead = undefined;
      const first = page.customers[0]?.id;
      let onCourse = offset === 0 || anchor === undefined || first === anchor;
      if (!onCourse && first !== undefined) {
        // Whether it was written: so everything read must be.
        await pending.flush();
        onCourse = await steps.wasWritten(first);
      }
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
        // Should a write fail first, the read's own failure is not the one to report.
        readAhead.catch(() => undefined);
      }
      await pending.add(page, { done: Math.min(end, page.total), total: page.total });
      if (atEnd) return await pending.flush();
    }
  } finally {
    // A walk that stops early leaves no write running behind it.
    await pending.settled().catch(() => undefined);
  }
}
