import "server-only";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { vehicleName } from "@/lib/customers/replace-vehicle";
import { CUSTOMER_LIMITS } from "@/lib/recapture/schemas";

/** What may be known of a customer when its change is audited: the record upstream answered with, the request, or only its id. */
export interface CustomerNaming {
  id?: string;
  rego?: string | null;
  state?: string | null;
  vin?: string | null;
  external_id?: string | null;
}

/** Upstream's answers are not bounded like requests are: each part is cut, so the id at the end survives the log's own cut. */
function cut(value: string | null | undefined, max: number): string | undefined {
  if (!value) return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function boundedVehicle(customer: CustomerNaming): string {
  return vehicleName({
    rego: cut(customer.rego, CUSTOMER_LIMITS.rego),
    state: cut(customer.state, CUSTOMER_LIMITS.state),
    vin: cut(customer.vin, CUSTOMER_LIMITS.vin),
  });
}

function externalIdPart(customer: CustomerNaming): string {
  const externalId = cut(customer.external_id, CUSTOMER_LIMITS.external_id);
  return externalId ? `external ID ${externalId}` : "";
}

/**
 * A customer as the audit log names it: "ABC123 (VIC) · external ID CUST-4821 · id 0000c339-…",
 * or only "id 0000c339-…" when nothing else is known (an edit that failed before the record was read).
 */
export function customerAuditName(customer: CustomerNaming): string {
  return [
    customer.rego || customer.vin ? boundedVehicle(customer) : "",
    externalIdPart(customer),
    customer.id ? `id ${customer.id}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** A vehicle replacement names both vehicles: "ABC123 (VIC) → XYZ789 (VIC) · external ID CUST-4821". */
export function replacementAuditName(old: CustomerNaming, replacement: CustomerNaming): string {
  return [`${boundedVehicle(old)} → ${boundedVehicle(replacement)}`, externalIdPart(old)]
    .filter(Boolean)
    .join(" · ");
}

export interface CustomerAuditOptions<T> {
  user: SessionUser;
  action: string;
  /** What is known before the call: the request's customer, or the id in the path. */
  known: CustomerNaming;
  /** The customer as the answer shows it, when it can be read; named by `known` otherwise. */
  answered: (result: T) => CustomerNaming | undefined;
}

/**
 * Runs one change to a customer and writes its outcome to the audit log either
 * way, naming the customer by its rego or VIN and external id from the API's
 * answer (which knows a VIN found by a rego lookup), else by what the request said.
 */
export async function auditedCustomerChange<T>(
  { user, action, known, answered }: CustomerAuditOptions<T>,
  call: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (error) {
    await audit({
      user,
      action,
      target: customerAuditName(known),
      outcome: "failure",
      detail: error instanceof Error ? error.message : undefined,
    });
    throw error;
  }
  await audit({
    user,
    action,
    target: customerAuditName({ ...known, ...answered(result) }),
    outcome: "success",
  });
  return result;
}
