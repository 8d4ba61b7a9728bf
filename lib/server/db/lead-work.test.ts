import { beforeEach, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Customer, Sighting } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { testCustomer } from "@/lib/testing/test-customer";
import { indexCustomer, removeIndexedCustomer } from "./customer-index";
import { database } from "./index";
import { leadAuditNames, listAssignees, readLeadDetail } from "./lead-detail";
import { addLeadNote, workLeads } from "./lead-work";
import { recordLeadSightings } from "./leads";
import { insertUser } from "./users";

const SEEN = new Date("2026-12-01T21:00:00.000Z");
const LATER = new Date("2026-12-02T01:30:00.000Z");

function sighting(lead_id: string, listing_price = 28_500): Sighting {
  return {
    at: "2026-11-30T10:00:00.000Z",
    lead_id,
    listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
    listing_title: `2019 Toyota Camry ${lead_id}`,
    listing_price,
    seller_type: "private",
  };
}

const customer = (id: string, sightings: Sighting[]) =>
  testCustomer({
    id,
    rego: `REGO${id}`,
    vehicle_title: "2019 Toyota Camry",
    additional_fields: { customer_name: "Ann Smith", mobile: "0400 000 000" },
    last_updated: "2026-11-30T10:00:00.000Z",
    sightings,
  });

/** Indexes the customers and records their leads; answers each lead's key by lead id. */
async function seed(customers: Customer[]): Promise<Record<string, number>> {
  const db = await database();
  for (const entry of customers) await indexCustomer("au", entry, SEEN);
  await db.transaction().execute((trx) =>
    recordLeadSightings(
      trx,
      "au",
      customers.map((entry) => ({ customerId: entry.id, sightings: entry.sightings })),
      SEEN,
    ),
  );
  const rows = await db.selectFrom("leads").select(["key", "lead_id"]).execute();
  return Object.fromEntries(rows.map((row) => [row.lead_id, row.key]));
}

async function account(email: string, role: Role, name: string | null = null) {
  const user = (await insertUser({ email, name, role, passwordHash: "x" }))!;
  return { id: user.id, role: user.role };
}

async function leadRow(key: number) {
  return (await database()).selectFrom("leads").selectAll().where("key", "=", key).executeTakeFirstOrThrow();
}

let sam: { id: number; role: Role };
let priya: { id: number; role: Role };
let maya: { id: number; role: Role };
let vic: { id: number; role: Role };

describeEachEngine("working leads", () => {
  beforeEach(async () => {
    await afterFirstCompletePass();
    maya = await account("maya@dealer.test", "manager", "Maya Manager");
    sam = await account("sam@dealer.test", "staff", "Sam Sales");
    priya = await account("priya@dealer.test", "staff");
    vic = await account("vic@dealer.test", "viewer", "Vic Viewer");
  });

  it("moves a lead through its statuses, recording first contact once, each step in its history", async () => {
    const keys = await seed([customer("c1", [sighting("L1")])]);
    const contacted = await workLeads(
      sam,
      [keys.L1!],
      {
        kind: "status",
        change: { status: "contacted", note: "Left a voicemail" },
        from: "new",
      },
      LATER,
    );
    expect(contacted).toEqual({
      changed: [keys.L1],
      refused: [],
      statusChanged: [{ leadKey: keys.L1, from: "new", to: "contacted" }],
      // Staff working a lead of nobody's take it.
      assigned: [{ leadKey: keys.L1, from: null, to: sam.id }],
    });
    expect(await leadRow(keys.L1!)).toMatchObject({
      status: "contacted",
      assignee_user_id: sam.id,
      status_changed_at: LATER.toISOString(),
      first_contacted_at: LATER.toISOString(),
    });
    const won = await workLeads(sam, [keys.L1!], { kind: "status", change: { status: "won" } });
    expect(won.changed).toEqual([keys.L1]);
    const row = await leadRow(keys.L1!);
    expect(row).toMatchObject({ status: "won", first_contacted_at: LATER.toISOString() });

    const detail = (await readLeadDetail(keys.L1!))!;
    expect(detail.events.map(({ kind, actor, data }) => [kind, actor?.name ?? null, data])).toEqual([
      ["seen", null, { price: 28_500 }],
      ["status", "Sam Sales", { from: "new", to: "contacted", lostReason: null, note: "Left a voicemail" }],
      ["assignment", "Sam Sales", { from: null, to: sam.id, fromName: null, toName: "Sam Sales" }],
      ["status", "Sam Sales", { from: "contacted", to: "won", lostReason: null, note: null }],
    ]);
    expect(detail.lead).toMatchObject({ status: "won", assignee: { id: sam.id, name: "Sam Sales" } });
  });

  it("refuses a change made against a status someone else has changed meanwhile", async () => {
    const keys = await seed([customer("c1", [sighting("L1")])]);
    await workLeads(maya, [keys.L1!], { kind: "status", change: { status: "dismissed" } });
    const late = await workLeads(sam, [keys.L1!], {
      kind: "status",
      change: { status: "contacted" },
      from: "new",
    });
    expect(late).toMatchObject({
      changed: [],
      refused: [{ leadKey: keys.L1, code: "changed", reason: "Someone changed it to Dismissed meanwhile." }],
    });
    expect((await leadRow(keys.L1!)).status).toBe("dismissed");
  });

  it("serves two people acting on one lead at once one after the other: one wins, the other is told", async () => {
    const keys = await seed([customer("c1", [sighting("L1")])]);
    const [first, second] = await Promise.all([
      workLeads(sam, [keys.L1!], { kind: "status", change: { status: "contacted" }, from: "new" }),
      workLeads(priya, [keys.L1!], { kind: "status", change: { status: "contacted" }, from: "new" }),
    ]);
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome.changed.length === 1)).toHaveLength(1);
    const loser = outcomes.find((outcome) => outcome.changed.length === 0)!;
    // The loser finds the lead taken by the winner (staff may not work it) or already changed.
    expect(["forbidden", "changed"]).toContain(loser.refused[0]?.code);
    const events = await (
      await database()
    )
      .selectFrom("lead_events")
      .select("kind")
      .where("lead_key", "=", keys.L1!)
      .where("kind", "=", "status")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("lets a manager allocate many leads at once, refusing those it can't change, and says why", async () => {
    const keys = await seed([
      customer("c1", [sighting("L1"), sighting("L2")]),
      customer("c2", [sighting("L3")]),
    ]);
    await workLeads(maya, [keys.L3!], { kind: "assign", userId: sam.id });
    const outcome = await workLeads(maya, [keys.L1!, keys.L2!, keys.L3!, 999_999], {
      kind: "assign",
      userId: sam.id,
    });
    expect(outcome.changed).toEqual([keys.L1, keys.L2]);
    expect(outcome.refused).toEqual([
      { leadKey: keys.L3, code: "unchanged", reason: "It is already assigned to them." },
      { leadKey: 999_999, code: "not_found", reason: "There is no such lead." },
    ]);
    expect(outcome.assigned).toEqual([
      { leadKey: keys.L1, from: null, to: sam.id },
      { leadKey: keys.L2, from: null, to: sam.id },
    ]);
    const toViewer = await workLeads(maya, [keys.L1!], { kind: "assign", userId: vic.id });
    expect(toViewer.refused[0]).toMatchObject({ code: "invalid" });
    // Staff can't allocate to someone else, nor work someone else's lead.
    expect(
      (await workLeads(priya, [keys.L1!], { kind: "assign", userId: priya.id })).refused[0],
    ).toMatchObject({
      code: "forbidden",
    });
    const bulk = await workLeads(priya, [keys.L1!, keys.L2!], {
      kind: "status",
      change: { status: "lost", lostReason: "sold_elsewhere" },
    });
    expect(bulk.changed).toEqual([]);
    expect(bulk.refused.map(({ code }) => code)).toEqual(["forbidden", "forbidden"]);
    const lost = await workLeads(sam, [keys.L1!, keys.L2!], {
      kind: "status",
      change: { status: "lost", lostReason: "unreachable" },
    });
    expect(lost.changed).toEqual([keys.L1, keys.L2]);
    expect(await leadRow(keys.L1!)).toMatchObject({
      status: "lost",
      lost_reason: "unreachable",
      first_contacted_at: null,
    });
  });

  it("adds notes from those who may work the lead, bounded in length", async () => {
    const keys = await seed([customer("c1", [sighting("L1")])]);
    expect(await addLeadNote(priya, keys.L1!, " Rang, no answer ", LATER)).toEqual({ ok: true });
    // A note doesn't take the lead.
    expect((await leadRow(keys.L1!)).assignee_user_id).toBeNull();
    await workLeads(maya, [keys.L1!], { kind: "assign", userId: sam.id });
    expect(await addLeadNote(priya, keys.L1!, "Mine now?")).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(await addLeadNote(vic, keys.L1!, "Hello")).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(await addLeadNote(sam, keys.L1!, "x".repeat(2_001))).toMatchObject({
      refusal: { code: "invalid" },
    });
    expect(await addLeadNote(sam, 999_999, "Hello")).toMatchObject({ refusal: { code: "not_found" } });
    const detail = (await readLeadDetail(keys.L1!))!;
    expect(detail.events.filter(({ kind }) => kind === "note")).toEqual([
      {
        id: expect.any(Number),
        at: LATER.toISOString(),
        kind: "note",
        actor: { id: priya.id, name: "priya@dealer.test" },
        data: { text: "Rang, no answer" },
      },
    ]);
  });

  it("reads a lead with its customer, prices and the customer's other leads; still when the customer has gone", async () => {
    const keys = await seed([customer("c1", [sighting("L1"), sighting("L2", 19_000)])]);
    const db = await database();
    await db
      .transaction()
      .execute((trx) =>
        recordLeadSightings(
          trx,
          "au",
          [{ customerId: "c1", sightings: [sighting("L1", 27_000), sighting("L2", 19_000)] }],
          LATER,
        ),
      );
    const detail = (await readLeadDetail(keys.L1!))!;
    expect(detail.lead).toMatchObject({
      key: keys.L1,
      firstPrice: 28_500,
      price: 27_000,
      status: "new",
      assignee: null,
    });
    expect(detail.customer).toEqual({
      id: "c1",
      rego: "REGOc1",
      vin: null,
      state: "VIC",
      vehicleTitle: "2019 Toyota Camry",
      additionalFields: { customer_name: "Ann Smith", mobile: "0400 000 000" },
    });
    expect(detail.prices).toEqual([
      { price: 28_500, seenAt: SEEN.toISOString() },
      { price: 27_000, seenAt: LATER.toISOString() },
    ]);
    expect(detail.otherLeads.map(({ key }) => key)).toEqual([keys.L2]);
    expect(await leadAuditNames([keys.L1!])).toEqual(new Map([[keys.L1, "REGOc1 · 2019 Toyota Camry L1"]]));

    await removeIndexedCustomer("au", "c1");
    const orphan = (await readLeadDetail(keys.L1!))!;
    expect(orphan.customer).toBeNull();
    expect(orphan.lead.key).toBe(keys.L1);
    expect(await leadAuditNames([keys.L1!])).toEqual(
      new Map([[keys.L1, "customer c1 · 2019 Toyota Camry L1"]]),
    );
    expect(await readLeadDetail(999_999)).toBeUndefined();
  });

  it("offers active accounts of staff and above as assignees, by name", async () => {
    await (await database()).updateTable("users").set({ disabled: 1 }).where("id", "=", priya.id).execute();
    expect(await listAssignees()).toEqual([
      { id: maya.id, name: "Maya Manager" },
      { id: sam.id, name: "Sam Sales" },
    ]);
  });
});
