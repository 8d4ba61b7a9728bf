import "server-only";
import type { Kysely } from "kysely";
import type { Role } from "@/lib/auth/roles";
import type { LeadForMail, MailRecipient, PriceDrop } from "@/lib/notifications/mail-message";
import type { Region } from "@/lib/recapture/regions";
import { database, type Db } from "./index";
import { inChunks } from "./in-list";
import { leadsWithCustomers } from "./leads-with-customers";
import type { Tables } from "./schema";

/**
 * What the lead emails need from the database: the leads with their customer's
 * car, the people who want email, and what the managers' digest covers.
 */

/** The lead emails' preference (lib/preferences): a person gets them unless they switched them off. */
const EMAIL_PREFERENCE = "email:leads";
const SWITCHED_OFF = JSON.stringify(false);

export interface LeadForMailWithAssignee extends LeadForMail {
  assigneeUserId: number | null;
  dismissed: boolean;
}

function leadRows(db: Kysely<Tables>) {
  return leadsWithCustomers(db).select([
    "l.key",
    "l.listing_title",
    "l.listing_url",
    "l.price",
    "l.first_price",
    "l.seller_type",
    "l.first_seen_at",
    "l.assignee_user_id",
    "l.status",
    "c.vehicle_title",
    "c.rego",
    "c.state",
  ]);
}

type LeadRow = Awaited<ReturnType<ReturnType<typeof leadRows>["execute"]>>[number];

function toLeadForMail(row: LeadRow): LeadForMailWithAssignee {
  return {
    key: row.key,
    vehicleTitle: row.vehicle_title,
    rego: row.rego,
    state: row.state,
    listingTitle: row.listing_title,
    listingUrl: row.listing_url,
    price: row.price,
    firstPrice: row.first_price,
    sellerType: row.seller_type,
    firstSeenAt: row.first_seen_at,
    assigneeUserId: row.assignee_user_id,
    dismissed: row.status === "dismissed",
  };
}

export async function findLeadsForMail(
  keys: readonly number[],
  db?: Db,
): Promise<Map<number, LeadForMailWithAssignee>> {
  const kysely = db ?? (await database());
  const rows = await inChunks(keys, (chunk) => leadRows(kysely).where("l.key", "in", chunk).execute());
  return new Map(rows.map((row) => [row.key, toLeadForMail(row)]));
}

function recipientsQuery(db: Kysely<Tables>) {
  return db
    .selectFrom("users as u")
    .leftJoin("user_preferences as p", (join) =>
      join.onRef("p.user_id", "=", "u.id").on("p.name", "=", EMAIL_PREFERENCE),
    )
    .select(["u.id", "u.email", "u.name"])
    .where("u.disabled", "=", 0)
    .where((eb) => eb.or([eb("p.value", "is", null), eb("p.value", "<>", SWITCHED_OFF)]));
}

/** Of these accounts, the ones still enabled who haven't switched lead emails off. */
export async function findMailRecipients(
  userIds: readonly number[],
  db?: Db,
): Promise<Map<number, MailRecipient>> {
  const kysely = db ?? (await database());
  const rows = await inChunks([...new Set(userIds)], (chunk) =>
    recipientsQuery(kysely).where("u.id", "in", chunk).execute(),
  );
  return new Map(rows.map((row) => [row.id, { email: row.email, name: row.name }]));
}

/** Who receives the digest: managers and admins (who can do all a manager can), enabled and not switched off. */
export const DIGEST_ROLES: readonly Role[] = ["manager", "admin"];

export async function findDigestRecipients(db?: Db): Promise<MailRecipient[]> {
  const rows = await recipientsQuery(db ?? (await database()))
    .where("u.role", "in", [...DIGEST_ROLES])
    .orderBy("u.email")
    .execute();
  return rows.map((row) => ({ email: row.email, name: row.name }));
}

export interface DigestLeads {
  newLeads: LeadForMail[];
  newCount: number;
  priceDrops: PriceDrop[];
  priceDropCount: number;
}

/**
 * The leads first seen in (from, until], newest first, and those whose price
 * went down in that window (not counting the new ones, already listed with
 * their price): each lead once, from its price before the first drop to its
 * price after the last change. At most `limit` of each are read whole.
 * Dismissed leads are no news (whether a person dismissed them or the sync
 * did, as the dealership's history: lib/leads/lead-history.ts).
 */
export async function findDigestLeads(
  region: Region,
  window: { from: string; until: string },
  limit: number,
  db?: Db,
): Promise<DigestLeads> {
  const kysely = db ?? (await database());
  const [newRows, { count: newCount }] = await Promise.all([
    leadRows(kysely)
      .where("l.region", "=", region)
      .where("l.first_seen_at", ">", window.from)
      .where("l.first_seen_at", "<=", window.until)
      .where("l.status", "<>", "dismissed")
      .orderBy("l.first_seen_at", "desc")
      .orderBy("l.key", "desc")
      .limit(limit)
      .execute(),
    kysely
      .selectFrom("leads")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("region", "=", region)
      .where("first_seen_at", ">", window.from)
      .where("first_seen_at", "<=", window.until)
      .where("status", "<>", "dismissed")
      .executeTakeFirstOrThrow(),
  ]);

  // A window's price changes (a day's worth), read whole and folded per lead here, latest change first.
  const changes = await kysely
    .selectFrom("lead_events as e")
    .innerJoin("leads as l", "l.key", "e.lead_key")
    .select(["e.lead_key", "e.data", "l.first_seen_at"])
    .where("l.region", "=", region)
    .where("l.status", "<>", "dismissed")
    .where("e.kind", "=", "price_change")
    .where("e.at", ">", window.from)
    .where("e.at", "<=", window.until)
    .orderBy("e.at")
    .orderBy("e.id")
    .execute();
  const byLead = new Map<number, { from: number | null; to: number; latest: number }>();
  changes.forEach((change, order) => {
    if (change.first_seen_at > window.from) return;
    const { from, to } = JSON.parse(change.data ?? "{}") as { from?: number | null; to?: number };
    if (typeof to !== "number") return;
    const earlier = byLead.get(change.lead_key);
    byLead.set(change.lead_key, { from: earlier ? earlier.from : (from ?? null), to, latest: order });
  });
  const drops = [...byLead.entries()]
    .filter(([, change]) => change.from !== null && change.to < change.from)
    .sort(([, a], [, b]) => b.latest - a.latest);
  const shown = await findLeadsForMail(
    drops.slice(0, limit).map(([key]) => key),
    kysely,
  );
  return {
    newLeads: newRows.map(toLeadForMail),
    newCount,
    priceDrops: drops.slice(0, limit).flatMap(([key, change]) => {
      const lead = shown.get(key);
      return lead ? [{ lead, from: change.from!, to: change.to }] : [];
    }),
    priceDropCount: drops.length,
  };
}
