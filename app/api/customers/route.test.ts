import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import { indexedCustomersResponseSchema } from "@/lib/customer-index/indexed-customers-response";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { writeIndexPage } from "@/lib/server/db/customer-index";
import { recordCompletePass, startSyncPass } from "@/lib/server/db/customer-sync-state";
import { insertUser } from "@/lib/server/db/users";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { GET } from "./route";

vi.stubEnv("RECAPTURE_API_KEY", "");
vi.stubEnv("RECAPTURE_REGION", "au");

const ORIGIN = "http://localhost:3000";
let cookie: string;

function sightingAt(at: string): Customer["sightings"][number] {
  return {
    at,
    lead_id: `lead-${at}`,
    listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-1/",
    listing_title: "2019 Toyota Camry Ascent Sport",
    listing_price: 28_500,
    seller_type: "private",
  };
}

/** One pass that read `customers` and finished: the index is ready for `region`. */
async function indexCompletely(region: Region, customers: Customer[]) {
  const now = new Date();
  const { pass } = await startSyncPass(region, now);
  await writeIndexPage({ region, pass, customers });
  await recordCompletePass(region, pass, now);
}

const ask = (query: string, withCookie = true) =>
  GET(
    new NextRequest(`${ORIGIN}/api/customers${query}`, {
      headers: { host: "localhost:3000", ...(withCookie ? { cookie } : {}) },
    }),
    { params: Promise.resolve({}) },
  );

async function answer(query: string) {
  const response = await ask(query);
  expect(response.status).toBe(200);
  return indexedCustomersResponseSchema.parse(await response.json());
}

describeEachEngine("GET /api/customers", () => {
  beforeEach(async () => {
    const user = (await insertUser({
      email: "viewer@dealer.test",
      name: null,
      role: "viewer",
      passwordHash: "x",
    }))!;
    cookie = `${SESSION_COOKIE}=${await sealSessionToken(await createSession(user.id))}`;
  });

  it("needs a session", async () => {
    expect((await ask("", false)).status).toBe(401);
  });

  it("says the index isn't ready until its first complete pass, even with customers already written", async () => {
    const { pass } = await startSyncPass("au", new Date());
    await writeIndexPage({ region: "au", pass, customers: [testCustomer()] });
    const response = await ask("");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ success: false, error: { code: "index_not_ready" } });
  });

  it("answers the URL's question with the filtered total and the page, newest sighting first by default", async () => {
    const older = testCustomer({ rego: "OLD111", sightings: [sightingAt("2024-01-01T00:00:00.000Z")] });
    const newer = testCustomer({
      rego: "NEW222",
      state: "NSW",
      sightings: [sightingAt("2024-03-01T00:00:00.000Z")],
    });
    const unseen = testCustomer({ rego: "ABC123" });
    await indexCompletely("au", [older, unseen, newer]);

    const everyone = await answer("");
    expect(everyone.total).toBe(3);
    expect(everyone.customers.map((found) => found.rego)).toEqual(["NEW222", "OLD111", "ABC123"]);
    expect(everyone.customers[0]).toEqual(newer);

    expect(await answer("?sightings=yes&sort=rego")).toEqual({ total: 2, customers: [newer, older] });
    expect(await answer("?state=nsw")).toEqual({ total: 1, customers: [newer] });
    expect(await answer("?q=abc%20123")).toEqual({ total: 1, customers: [unseen] });
    expect(await answer("?sightings=no")).toEqual({ total: 1, customers: [unseen] });
    // Page 2 of 25 is past the end: the total still counts every match.
    expect(await answer("?page=2")).toEqual({ total: 3, customers: [] });
  });

  it("answers for the region asked about, each with its own readiness, and refuses an unknown region", async () => {
    await indexCompletely("au", [testCustomer()]);
    const kiwi = testCustomer({ rego: "KIWI1", state: null });
    expect((await ask("?region=nz")).status).toBe(409);
    await indexCompletely("nz", [kiwi]);
    expect(await answer("?region=nz")).toEqual({ total: 1, customers: [kiwi] });
    expect((await ask("?region=us")).status).toBe(400);
  });
});
