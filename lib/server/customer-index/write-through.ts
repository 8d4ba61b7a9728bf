import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { indexCustomer, removeIndexedCustomer } from "@/lib/server/db/customer-index";
import { env } from "@/lib/server/env";
import { notifyPriceDrops } from "@/lib/server/notifications/lead-notifications";

/**
 * Changes made through the dashboard show in the customer index at once,
 * without waiting for the next pass: each customer route passes the API's
 * answer through one of these on its way back. The change has happened
 * upstream by then, so a failure to index it is logged, not answered with an
 * error; the next pass puts the index right.
 */

async function keepInStep(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    console.error(
      `Customer index: ${what} waits for the next sync:`,
      error instanceof Error ? error.message : error,
    );
  }
}

/** After a create or an edit: the answer, once its customer is in the index. */
export async function withCustomerIndexed<T extends { customer: Customer }>(
  region: Region | undefined,
  answer: T,
): Promise<T> {
  await keepInStep(`customer ${answer.customer.id}`, async () =>
    notifyPriceDrops(await indexCustomer(region ?? env().RECAPTURE_REGION, answer.customer)),
  );
  return answer;
}

/** After a delete: the answer, once the customer is out of the index. */
export async function withCustomerUnindexed<T>(
  region: Region | undefined,
  customerId: string,
  answer: T,
): Promise<T> {
  await keepInStep(`deleted customer ${customerId}`, () =>
    removeIndexedCustomer(region ?? env().RECAPTURE_REGION, customerId),
  );
  return answer;
}

/**
 * After a vehicle replacement (a new record, then the old one deleted): the
 * answer, once the new customer is in the index and the old one, if it is
 * gone upstream, out of it.
 */
export async function withReplacementIndexed<
  T extends { customer: Customer; old_customer: { id: string; state: string } },
>(region: Region | undefined, answer: T): Promise<T> {
  await withCustomerIndexed(region, answer);
  if (answer.old_customer.state === "deleted")
    await withCustomerUnindexed(region, answer.old_customer.id, answer);
  return answer;
}
