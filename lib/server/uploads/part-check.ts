import "server-only";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import { isUnreadableCustomer, type Customer, type CustomerListEntry } from "@/lib/recapture/schemas";
import { formatCount, formatQuantity } from "@/lib/format";
import { DomainError } from "@/lib/server/domain-error";
import { listUnfinishedUploads, recordProgress } from "@/lib/server/uploads/register";
import { PART_REFERENCE_FIELD } from "@/lib/server/uploads/part-reference";
import {
  answerDueBy,
  findSentPart,
  recordAnswerUnrecorded,
  recordPartFinding,
  type PartFinding,
} from "@/lib/server/uploads/sent-parts";
import type { SentPart } from "@/lib/uploads/register-schemas";

/**
 * Did a part whose answer never came reach the Recapture API? The API has no
 * idempotency key and its customers carry no upload id, so the dashboard
 * writes the part's own id into each customer it sends (PART_REFERENCE_FIELD)
 * and looks for it among the customers created since the part was sent.
 *
 * Finding one is proof. Finding none is only proof once nothing could still
 * bring them: the request that sent it is over, the API has had SETTLE_MS to
 * start on it, and none of the uploads in the register ahead of it is still
 * being processed (the API creates customers upload by upload, oldest first,
 * so a part queued behind a busy upload has none yet). Until then the check
 * says what it is waiting for, and nothing is sent again.
 */

/** The API's page limit. */
const PAGE_SIZE = 500;
/** Pages read backwards overlap, so a customer deleted meanwhile (shifting offsets) can't hide one. */
const PAGE_OVERLAP = 20;
/** The furthest a check reads back: 100,000 customers created or changed since the part was sent. */
const MAX_PAGES = 200;
/** The API's clock and ours may differ a little. */
const CLOCK_MARGIN_MS = 60_000;
/** Time given to the API, after the request is over, to create the first customers of an upload it queued. */
export const SETTLE_MS = 10_000;
/** Uploads in the register read again to see whether the API is still busy with them. */
const BUSY_UPLOADS_READ = 20;

const carries = (partId: string) => (customer: Customer) =>
  customer.additional_fields?.[PART_REFERENCE_FIELD] === partId;

/**
 * Counts the customers carrying the part's id among those created since it
 * was sent. The list is in creation order, and a customer's `last_updated` is
 * never earlier than its creation, so reading back from the end can stop at a
 * page whose first customer was last updated before the part was sent.
 * `complete` is false when the check gave up before reaching that page.
 */
export async function countPartCustomers(
  client: RecaptureClient,
  part: Pick<SentPart, "id" | "region" | "sentAt">,
): Promise<{ found: number; complete: boolean }> {
  const options = { region: part.region };
  const since = Date.parse(part.sentAt) - CLOCK_MARGIN_MS;
  const isOurs = carries(part.id);
  const found = new Set<string>();
  // An entry the API sent that can't be read carries no reference to look for.
  const readable = (entries: CustomerListEntry[]) =>
    entries.filter((entry): entry is Customer => !isUnreadableCustomer(entry));
  const note = (customers: Customer[]) => {
    for (const customer of customers) if (isOurs(customer)) found.add(customer.id);
  };

  const { total } = await client.listCustomers({ limit: 1 }, options);
  let end = total;
  let complete = false;
  for (let pages = 0; pages < MAX_PAGES && end > 0; pages++) {
    const offset = Math.max(0, end - PAGE_SIZE);
    const { customers: entries } = await client.listCustomers({ offset, limit: end - offset }, options);
    const customers = readable(entries);
    note(customers);
    const oldest = customers[0];
    if (offset === 0 || entries.length === 0 || (oldest && Date.parse(oldest.last_updated) < since)) {
      complete = true;
      break;
    }
    end = offset + PAGE_OVERLAP;
  }
  if (end === 0) complete = true;

  // Customers the API created while the check read backwards are at the end.
  for (let offset = Math.max(0, total - PAGE_OVERLAP); ; offset += PAGE_SIZE) {
    const { customers } = await client.listCustomers({ offset, limit: PAGE_SIZE }, options);
    note(readable(customers));
    if (customers.length < PAGE_SIZE) break;
  }
  return { found: found.size, complete };
}

/** The first upload in the register ahead of this part that the API is still working through, if any. */
async function busyUpload(client: RecaptureClient, part: SentPart) {
  for (const upload of await listUnfinishedUploads(part.region, BUSY_UPLOADS_READ)) {
    const { upload: now } = await client.getUpload(upload.id, { region: part.region });
    await recordProgress(now);
    if (now.total_processed_customers < now.total_uploaded_customers) return now;
  }
  return undefined;
}

async function findPart(client: RecaptureClient, part: SentPart, now: Date): Promise<PartFinding> {
  const { found, complete } = await countPartCustomers(client, part);
  if (found > 0) {
    return {
      verdict: "arrived",
      customersFound: found,
      finding: `${formatCount(found)} of its ${formatQuantity(part.customers, "customer")} are in the Recapture API.`,
    };
  }
  if (!complete) {
    return {
      verdict: "unknown",
      finding:
        "None of its customers among the newest 100,000; too many customers changed since it was sent to look further.",
    };
  }
  const due = await answerDueBy(part.id);
  if (now.getTime() < due) {
    return {
      verdict: "unknown",
      finding:
        "None of its customers yet, and the request that sent it may still be open: waiting for its answer.",
    };
  }
  if (now.getTime() < due + SETTLE_MS) {
    return {
      verdict: "unknown",
      finding: "None of its customers yet; giving the Recapture API a few seconds to start on it.",
    };
  }
  const busy = await busyUpload(client, part);
  if (busy) {
    const waiting = busy.total_uploaded_customers - busy.total_processed_customers;
    return {
      verdict: "unknown",
      finding: `None of its customers yet, but the Recapture API is still working through “${busy.name ?? "an upload"}” (${formatQuantity(waiting, "customer")} to go), and this part would come after it.`,
    };
  }
  return {
    verdict: "not_arrived",
    finding: `None of its ${formatQuantity(part.customers, "customer")} reached the Recapture API, which has nothing else left to process: it was not received.`,
  };
}

/**
 * Checks a part that isn't confirmed and records what was found. A part
 * already queued (its answer came, perhaps late) needs no check; one still
 * sending is left to its request, unless that is long over with its answer
 * never recorded.
 */
export async function checkSentPart(
  client: RecaptureClient,
  partId: string,
  now = new Date(),
): Promise<SentPart> {
  const part = await findSentPart(partId);
  if (!part) throw new DomainError("not_found", "unknown_part", "This part isn't in the register.");
  if (part.state === "queued") return part;
  if (part.state === "sending") {
    if (now.getTime() < (await answerDueBy(partId))) return part;
    await recordAnswerUnrecorded(partId);
  }
  await recordPartFinding(partId, await findPart(client, part, now), now);
  return (await findSentPart(partId))!;
}
