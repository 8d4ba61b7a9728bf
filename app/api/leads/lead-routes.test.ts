import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { database } from "@/lib/server/db";
import { recordLeadSightings } from "@/lib/server/db/leads";
import { insertUser } from "@/lib/server/db/users";
import { indexCustomer } from "@/lib/server/db/customer-index";
import type { Customer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { GET as getLead } from "./[key]/route";
import { POST as postStatus } from "./[key]/status/route";
import { POST as postAssignment } from "./[key]/assignment/route";
import { POST as postNote } from "./[key]/notes/route";
import { POST as postBulk } from "./bulk/route";
import { GET as getAssignees } from "./assignees/route";

vi.stubEnv("RECAPTURE_API_KEY", "");

const ORIGIN = "http://localhost:3000";
type Person = "manager" | "staff" | "other" | "viewer";
let cookies: Record<Person, string>;
let ids: Record<Person, number>;
let leadKey: number;

function request(path: string, cookie: string, body?: unknown) {
  return new NextRequest(`${ORIGIN}${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      host: "localhost:3000",
      cookie,
      ...(body === undefined
        ? {}
        : {
            origin: ORIGIN,
            "content-type": "application/json",
            "content-length": String(JSON.stringify(body).length),
          }),
    },
  });
}

const onLead = (key: number | string) => ({ params: Promise.resolve({ key: String(key) }) });
const noParams = { params: Promise.resolve({}) };

const CAMRY: Customer = {
  id: "c1",
  rego: "ABC123",
  state: "VIC",
  vin: null,
  external_id: null,
  upload_id: null,
  sale_date: null,
  monitor_start_date: null,
  monitor_end_date: null,
  vehicle_title: "2019 Toyota Camry",
  additional_fields: null,
  last_updated: "2026-11-30T10:00:00.000Z",
  sightings: [
    {
      at: "2026-11-30T10:00:00.000Z",
      lead_id: "L1",
      listing_url: "https://www.carsales.com.au/cars/details/L1/",
      listing_title: "2019 Toyota Camry Ascent",
      listing_price: 28_500,
      seller_type: "private",
    },
  ],
} as Customer;

describeEachEngine("lead routes", () => {
  beforeEach(async () => {
    const people: Record<Person, Role> = {
      manager: "manager",
      staff: "staff",
      other: "staff",
      viewer: "viewer",
    };
    cookies = {} as typeof cookies;
    ids = {} as typeof ids;
    for (const [person, role] of Object.entries(people) as [Person, Role][]) {
      const user = (await insertUser({
        email: `${person}@dealer.test`,
        name: person,
        role,
        passwordHash: "x",
      }))!;
      ids[person] = user.id;
      cookies[person] = `${SESSION_COOKIE}=${await sealSessionToken(await createSession(user.id))}`;
    }
    await indexCustomer("au", CAMRY);
    const db = await database();
    await db
      .transaction()
      .execute((trx) =>
        recordLeadSightings(trx, "au", [{ customerId: "c1", sightings: CAMRY.sightings }], new Date()),
      );
    leadKey = (await db.selectFrom("leads").select("key").executeTakeFirstOrThrow()).key;
  });

  it("shows a lead to any signed-in account, and 404 for an unknown or malformed key", async () => {
    const response = await getLead(request(`/api/leads/${leadKey}`, cookies.viewer), onLead(leadKey));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      lead: { key: leadKey, status: "new" },
      customer: { rego: "ABC123" },
    });
    expect((await getLead(request("/api/leads/999999", cookies.viewer), onLead(999_999))).status).toBe(404);
    expect((await getLead(request("/api/leads/abc", cookies.viewer), onLead("abc"))).status).toBe(404);
  });

  it("lets the manager assign, the assignee work the lead, and refuses others with 403; each change audited", async () => {
    const path = `/api/leads/${leadKey}`;
    const viewerTry = await postStatus(
      request(`${path}/status`, cookies.viewer, { status: "contacted" }),
      onLead(leadKey),
    );
    expect(viewerTry.status).toBe(403);
    const assign = await postAssignment(
      request(`${path}/assignment`, cookies.manager, { userId: ids.staff }),
      onLead(leadKey),
    );
    expect(assign.status).toBe(200);
    const otherTry = await postStatus(
      request(`${path}/status`, cookies.other, { status: "contacted", from: "new" }),
      onLead(leadKey),
    );
    expect(otherTry.status).toBe(403);
    expect(await otherTry.json()).toMatchObject({ error: { code: "lead_forbidden" } });
    const contacted = await postStatus(
      request(`${path}/status`, cookies.staff, { status: "contacted", from: "new" }),
      onLead(leadKey),
    );
    expect(contacted.status).toBe(200);
    const stale = await postStatus(
      request(`${path}/status`, cookies.staff, { status: "appointment", from: "new" }),
      onLead(leadKey),
    );
    expect(stale.status).toBe(409);
    const lostWithoutReason = await postStatus(
      request(`${path}/status`, cookies.staff, { status: "lost" }),
      onLead(leadKey),
    );
    expect(lostWithoutReason.status).toBe(400);
    const note = await postNote(
      request(`${path}/notes`, cookies.staff, { text: "Coming in Saturday" }),
      onLead(leadKey),
    );
    expect(note.status).toBe(201);
    const tooLong = await postNote(
      request(`${path}/notes`, cookies.staff, { text: "x".repeat(2_001) }),
      onLead(leadKey),
    );
    expect(tooLong.status).toBe(422);

    const { entries } = await listAuditEntries({ limit: 10, offset: 0 });
    expect(entries.map(({ action, target, detail }) => [action, target, detail]).reverse()).toEqual([
      ["lead.assign", "ABC123 · 2019 Toyota Camry Ascent", "to staff@dealer.test"],
      ["lead.status", "ABC123 · 2019 Toyota Camry Ascent", "New → Contacted"],
      ["lead.note", "ABC123 · 2019 Toyota Camry Ascent", null],
    ]);
  });

  it("works leads in bulk, answering which changed and which were refused", async () => {
    const bulk = await postBulk(
      request("/api/leads/bulk", cookies.manager, {
        leadKeys: [leadKey, 999_999],
        action: { kind: "assign", userId: ids.staff },
      }),
      noParams,
    );
    expect(await bulk.json()).toEqual({
      changed: [leadKey],
      refused: [{ leadKey: 999_999, reason: "There is no such lead." }],
    });
    const staffAssigning = await postBulk(
      request("/api/leads/bulk", cookies.other, {
        leadKeys: [leadKey],
        action: { kind: "assign", userId: ids.other },
      }),
      noParams,
    );
    expect(await staffAssigning.json()).toMatchObject({ changed: [], refused: [{ leadKey }] });
    const tooMany = await postBulk(
      request("/api/leads/bulk", cookies.manager, {
        leadKeys: Array.from({ length: 501 }, (_, index) => index + 1),
        action: { kind: "status", status: "dismissed" },
      }),
      noParams,
    );
    expect(tooMany.status).toBe(422);
    expect(
      (
        await postBulk(
          request("/api/leads/bulk", cookies.viewer, {
            leadKeys: [leadKey],
            action: { kind: "status", status: "dismissed" },
          }),
          noParams,
        )
      ).status,
    ).toBe(403);
  });

  it("lists the assignable people by name", async () => {
    const response = await getAssignees(request("/api/leads/assignees", cookies.viewer), noParams);
    expect(await response.json()).toEqual({
      assignees: [
        { id: ids.manager, name: "manager" },
        { id: ids.other, name: "other" },
        { id: ids.staff, name: "staff" },
      ],
    });
  });
});
