import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { LeadDetail, LeadPerson, LeadSummary } from "@/lib/leads/lead-detail";
import { database } from "./index";
import { leadsWithCustomers } from "./leads-with-customers";
import type { LeadsTable, Tables } from "./schema";

/**
 * What a lead's page shows: the lead, its customer as indexed (gone if the
 * customer left the index), its prices, its whole history with the names of
 * the people in it, and the customer's other leads.
 */

/** How a person is named to colleagues: their name, else their email (accounts need not have a name). */
const personName = (user: { name: string | null; email: string }) => user.name ?? user.email;

async function people(
  db: Kysely<Tables>,
  ids: Iterable<number | null | undefined>,
): Promise<Map<number, LeadPerson>> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === "number"))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, name: personName(row) }]));
}

function toSummary(row: Selectable<LeadsTable>, named: Map<number, LeadPerson>): LeadSummary {
  return {
    key: row.key,
    leadId: row.lead_id,
    customerId: row.customer_id,
    listedAt: row.listed_at,
    firstSeenAt: row.first_seen_at,
    noLongerListedAt: row.no_longer_listed_at,
    listingUrl: row.listing_url,
    listingTitle: row.listing_title,
    sellerType: row.seller_type,
    firstPrice: row.first_price,
    price: row.price,
    status: row.status,
    lostReason: row.lost_reason,
    assignee: row.assignee_user_id === null ? null : (named.get(row.assignee_user_id) ?? null),
    firstContactedAt: row.first_contacted_at,
  };
}

function parseData(data: string | null): Record<string, unknown> | null {
  if (data === null) return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The lead with this key and all its page shows; undefined when there is none. */
export async function readLeadDetail(leadKey: number): Promise<LeadDetail | undefined> {
  const db = await database();
  const lead = await db.selectFrom("leads").selectAll().where("key", "=", leadKey).executeTakeFirst();
  if (!lead) return undefined;
  const [customer, prices, events, others] = await Promise.all([
    db
      .selectFrom("indexed_customers")
      .select(["id", "rego", "vin", "state", "vehicle_title", "additional_fields"])
      .where("region", "=", lead.region)
      .where("id", "=", lead.customer_id)
      .executeTakeFirst(),
    db
      .selectFrom("lead_prices")
      .select(["price", "seen_at"])
      .where("lead_key", "=", leadKey)
      .orderBy("seen_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("lead_events")
      .selectAll()
      .where("lead_key", "=", leadKey)
      .orderBy("at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("leads")
      .selectAll()
      .where("region", "=", lead.region)
      .where("customer_id", "=", lead.customer_id)
      .where("key", "<>", leadKey)
      .orderBy("first_seen_at", "desc")
      .orderBy("key", "desc")
      .execute(),
  ]);
  const parsedEvents = events.map((event) => ({ ...event, data: parseData(event.data) }));
  // Assignments name the people assigned as well as the person who assigned.
  const named = await people(db, [
    lead.assignee_user_id,
    ...others.map((other) => other.assignee_user_id),
    ...(parsedEvents.flatMap((event) => [
      event.actor_user_id,
      ...(event.kind === "assignment" ? [event.data?.from, event.data?.to] : []),
    ]) as (number | null | undefined)[]),
  ]);
  return {
    lead: toSummary(lead, named),
    customer: customer
      ? {
          id: customer.id,
          rego: customer.rego,
          vin: customer.vin,
          state: customer.state,
          vehicleTitle: customer.vehicle_title,
          additionalFields: parseData(customer.additional_fields) ?? {},
        }
      : null,
    prices: prices.map((row) => ({ price: row.price, seenAt: row.seen_at })),
    events: parsedEvents.map((event) => ({
      id: event.id,
      at: event.at,
      kind: event.kind,
      actor: event.actor_user_id === null ? null : (named.get(event.actor_user_id) ?? null),
      data:
        event.kind === "assignment" && event.data
          ? { ...event.data, fromName: nameOf(named, event.data.from), toName: nameOf(named, event.data.to) }
          : event.data,
    })),
    otherLeads: others.map((other) => toSummary(other, named)),
  };
}

function nameOf(named: Map<number, LeadPerson>, id: unknown): string | null {
  return typeof id === "number" ? (named.get(id)?.name ?? null) : null;
}

/** Who leads may be assigned to: active accounts of staff and above, by name. */
export async function listAssignees(): Promise<LeadPerson[]> {
  const rows = await (
    await database()
  )
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("disabled", "=", 0)
    .where("role", "in", ["staff", "manager", "admin"])
    .execute();
  return rows
    .map((row) => ({ id: row.id, name: personName(row) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-AU"));
}

/** How the audit log names each lead: "ABC123 · 2019 Toyota Camry" (the customer's rego, or its id if gone). */
export async function leadAuditNames(leadKeys: readonly number[]): Promise<Map<number, string>> {
  if (leadKeys.length === 0) return new Map();
  const db = await database();
  const rows = await leadsWithCustomers(db)
    .select(["l.key", "l.customer_id", "l.listing_title", "c.rego", "c.vin"])
    .where("l.key", "in", [...leadKeys])
    .execute();
  return new Map(
    rows.map((row) => [
      row.key,
      `${row.rego ?? row.vin ?? `customer ${row.customer_id}`} · ${row.listing_title ?? "untitled listing"}`,
    ]),
  );
}
