import "server-only";
import { randomUUID } from "node:crypto";
import {
  planReplacement,
  replacementMessage,
  vehicleName,
  type OldRecordState,
  type ReplaceVehicleRequest,
  type ReplaceVehicleResponse,
} from "@/lib/customers/replace-vehicle";
import { isRecaptureError } from "@/lib/recapture/errors";
import type { Region } from "@/lib/recapture/regions";
import { isUnreadableCustomer, type Customer } from "@/lib/recapture/schemas";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { releaseLease, takeLease } from "@/lib/server/db/leases";
import { DomainError } from "@/lib/server/domain-error";
import { env } from "@/lib/server/env";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import { replacementAuditName } from "./customer-audit";

export const REPLACE_VEHICLE_ACTION = "customer.replace_vehicle";

export interface ReplaceVehicleInput {
  client: Pick<RecaptureClient, "getCustomer" | "createCustomer" | "deleteCustomer">;
  user: SessionUser;
  /** The record whose vehicle is replaced: read first, deleted last. */
  customerId: string;
  request: ReplaceVehicleRequest;
  region?: Region;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : "unknown error");

/** A failure after which the API may still have done the work: no answer in time, a lost or unreadable one. */
function mayHaveHappened(error: unknown): boolean {
  return (
    isRecaptureError(error) &&
    ["upstream_timeout", "upstream_unreachable", "upstream_invalid_response"].includes(error.code)
  );
}

/** The create step failed: nothing was deleted, and the person is told whether a new record may exist anyway. */
function createFailed(error: unknown, newVehicle: string, oldVehicle: string): unknown {
  if (!isRecaptureError(error)) return error;
  const message = mayHaveHappened(error)
    ? `The dashboard couldn't tell whether the new record for ${newVehicle} was created: the Recapture API's answer was lost or late. The record for ${oldVehicle} is unchanged. Look for ${newVehicle} in the customers list before trying again, so it isn't added twice.`
    : `The new record for ${newVehicle} wasn't created, and the record for ${oldVehicle} is unchanged. ${error.message}`;
  return new DomainError("upstream_failed", error.code, message, {
    upstreamStatus: error.status,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** After a failed delete: is the old record still there? A lost answer may hide a delete that went through. */
async function oldRecordState(input: ReplaceVehicleInput): Promise<OldRecordState> {
  try {
    await input.client.getCustomer(input.customerId, { region: input.region });
    return "still_there";
  } catch (error) {
    return isRecaptureError(error) && error.status === 404 ? "deleted" : "unknown";
  }
}

/**
 * Replaces a customer's vehicle in two steps, each audited: creates the new
 * record (the new vehicle, the old record's external id, sale date, monitoring
 * window and additional fields), then deletes the old one. Its sightings can't
 * move: they go with it. If the create fails nothing was deleted; if the delete
 * fails, the answer says what exists now. Neither write is ever repeated.
 */
export async function replaceVehicle(input: ReplaceVehicleInput): Promise<ReplaceVehicleResponse> {
  const { client, user, customerId, request, region } = input;
  const { customer: old } = await client.getCustomer(customerId, { region });
  if (isUnreadableCustomer(old)) {
    throw new DomainError(
      "conflict",
      "unreadable_customer",
      "This customer's record from the Recapture API can't be read, so its details can't be copied to a new record.",
    );
  }
  const plan = planReplacement(old, request);
  if (!plan.ok) throw new DomainError("inconsistent", "invalid_input", plan.message, { fields: plan.fields });

  const target = replacementAuditName(old, plan.create.customer);
  const step = (outcome: "success" | "failure", detail: string) =>
    audit({ user, action: REPLACE_VEHICLE_ACTION, target, outcome, detail });

  let created: Customer;
  try {
    ({ customer: created } = await client.createCustomer(plan.create, { region }));
  } catch (error) {
    await step("failure", `Step 1 of 2, creating the new record: ${reasonOf(error)}`);
    throw createFailed(error, vehicleName(plan.create.customer), vehicleName(old));
  }
  await step("success", `Step 1 of 2: created the new record ${created.id}`);

  let state: OldRecordState = "deleted";
  try {
    await client.deleteCustomer(customerId, { region });
    await step("success", `Step 2 of 2: deleted the old record ${customerId}`);
  } catch (error) {
    const reason = reasonOf(error);
    await step(
      "failure",
      `Step 2 of 2, deleting the old record ${customerId}: ${reason} The new record ${created.id} exists.`,
    );
    state = await oldRecordState(input);
    if (state === "deleted") {
      await step(
        "success",
        `Step 2 of 2: the old record ${customerId} is gone after all (its answer was lost)`,
      );
    } else {
      console.warn(`Vehicle replacement of customer ${customerId} left two records: ${reason}`);
    }
  }
  const oldCustomer = { id: customerId, vehicle: vehicleName(old), state };
  return {
    success: true,
    customer: created,
    old_customer: oldCustomer,
    message: replacementMessage({ created, old: oldCustomer }),
  };
}

/**
 * One replacement of a record at a time, across every instance sharing the
 * database: a second click (or a colleague) while one runs is refused rather
 * than creating a second new record. The lease outlives the longest replacement
 * (four calls, each within the client's time budget) in case this process dies.
 */
export async function oneReplacementAtATime<T>(customerId: string, replace: () => Promise<T>): Promise<T> {
  const name = `${REPLACE_VEHICLE_ACTION}:${customerId}`;
  const holder = randomUUID();
  if (!(await takeLease(name, holder, 5 * env().RECAPTURE_TIMEOUT_MS))) {
    throw new DomainError(
      "conflict",
      "replacement_in_progress",
      "This record's vehicle is already being replaced. Wait for that to finish, then reload the page.",
    );
  }
  try {
    return await replace();
  } finally {
    await releaseLease(name, holder).catch((error: unknown) =>
      console.error(`Could not release the lease ${name}; it expires by itself:`, error),
    );
  }
}
