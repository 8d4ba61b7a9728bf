import { describe, expect, it } from "vitest";
import type { CustomerListEntry } from "@/lib/recapture/schemas";
import { seededRandom } from "@/lib/emulator/random";
import { ListKeptChangingError, walkCustomerList, type WalkSteps } from "./customer-walk";

/**
 * The walk over a list held in memory that changes between reads as the API's
 * does: new customers at the end, deletions anywhere.
 */
function listOf(count: number, prefix = "c"): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

const entry = (id: string) => ({ unreadable: true, id, problem: "" }) as CustomerListEntry;

function walkOver(list: string[], change: (readNumber: number, offset: number) => void = () => {}) {
  const written: string[] = [];
  const reads: number[] = [];
  const steps: WalkSteps = {
    async read(offset) {
      change(reads.length, offset);
      reads.push(offset);
      return { total: list.length, customers: list.slice(offset, offset + 10).map(entry) };
    },
    async write(customers) {
      written.push(...customers.map((customer) => customer.id!));
    },
    async wasWritten(id) {
      return written.includes(id);
    },
  };
  return { steps, written, reads };
}

describe("walkCustomerList", () => {
  it("reads a list that stays still once, each page starting on the last one written", async () => {
    const list = listOf(35);
    const { steps, written, reads } = walkOver(list);
    await walkCustomerList(steps, 10);
    expect(new Set(written)).toEqual(new Set(list));
    expect(reads).toEqual([0, 9, 18, 27]);
  });

  it("reaches customers created while it reads", async () => {
    const list = listOf(25);
    const { steps, written } = walkOver(list, (read) => {
      if (read === 1) list.push("new-1", "new-2");
    });
    await walkCustomerList(steps, 10);
    expect(written).toEqual(expect.arrayContaining(["new-1", "new-2", ...listOf(25)]));
  });

  it("steps back when customers before its position are deleted, and skips none", async () => {
    const list = listOf(60);
    const { steps, written } = walkOver(list, (read) => {
      // After two pages (up to c18), 15 customers already read are deleted: later ones move 15 places left.
      if (read === 2) list.splice(0, 15);
    });
    await walkCustomerList(steps, 10);
    expect(written).toEqual(expect.arrayContaining(list));
  });

  it("copes with the customer it starts on being deleted", async () => {
    const list = listOf(40);
    const { steps, written } = walkOver(list, (read) => {
      if (read === 1) list.splice(list.indexOf("c9"), 1);
    });
    await walkCustomerList(steps, 10);
    expect(written).toEqual(expect.arrayContaining(list));
  });

  it("writes a few pages at a time, each customer once in a write, while it reads on", async () => {
    const list = listOf(95);
    const { steps, written, reads } = walkOver(list);
    const writes: string[][] = [];
    const readsBeforeWrite: number[] = [];
    await walkCustomerList(
      {
        ...steps,
        async write(customers, firstPage) {
          readsBeforeWrite.push(reads.length);
          writes.push(customers.map((customer) => customer.id!));
          await steps.write(customers, firstPage);
        },
      },
      10,
      3,
    );
    expect(new Set(written)).toEqual(new Set(list));
    expect(writes.map((ids) => ids.length)).toEqual([28, 28, 28, 14]);
    for (const ids of writes) expect(new Set(ids).size).toBe(ids.length);
    // The fourth page is asked for before the first three are written.
    expect(readsBeforeWrite[0]).toBe(4);
  });

  it("misses nothing that was there throughout, whatever changes between reads", async () => {
    for (let run = 0; run < 60; run += 1) {
      const pagesPerWrite = run % 2 === 0 ? 1 : 3;
      const random = seededRandom(`walk-${run}`);
      const list = listOf(80);
      const everPresent = new Set(list);
      let created = 0;
      const { steps, written } = walkOver(list, () => {
        for (let change = Math.floor(random() * 6); change > 0; change -= 1) {
          if (random() < 0.3) {
            list.push(`new-${created++}`);
          } else if (list.length > 0) {
            const [gone] = list.splice(Math.floor(random() * list.length), 1);
            everPresent.delete(gone!);
          }
        }
      });
      await walkCustomerList(steps, 10, pagesPerWrite);
      expect(written, `run ${run}`).toEqual(expect.arrayContaining([...everPresent]));
    }
  });

  it("gives up on a list that keeps shifting under it", async () => {
    const list = listOf(400);
    const { steps } = walkOver(list, (read) => {
      if (read === 0) return;
      list.splice(0, 10);
      list.push(...listOf(10, `new-${read}-`));
    });
    await expect(walkCustomerList(steps, 10)).rejects.toBeInstanceOf(ListKeptChangingError);
  });
});
