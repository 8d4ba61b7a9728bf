import { afterEach, describe, expect, it } from "vitest";
import { accountIdFor } from "./accounts";
import { CONTROL_MAX_BODY_BYTES } from "./control-perimeter";
import { KEY_A, KEY_B, startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

type Customer = {
  id: string;
  sightings: {
    at: string;
    lead_id: string;
    listing_url: string;
    listing_price: number;
    seller_type: string;
  }[];
};

let emulator: EmulatorServer | undefined;
afterEach(() => emulator?.close());

describe("control endpoints", () => {
  it("exist only when control is on", async () => {
    emulator = await startEmulatorServer({ control: false });
    for (const path of ["/__emulator", "/__emulator/journal", "/__emulator/reset"]) {
      expect((await emulator.call(path.endsWith("reset") ? "POST" : "GET", path)).status).toBe(404);
    }
  });

  it("keep a journal of API requests without the key", async () => {
    emulator = await startEmulatorServer();
    await emulator.call("GET", "/v2/recapture/customers?region=au&limit=5");
    await emulator.call("PUT", "/v2/recapture/customers?region=nz", { key: "wrong", body: { customer: {} } });
    const answer = await emulator.call<{ requests: Record<string, unknown>[] }>("GET", "/__emulator/journal");
    expect(answer.body.requests).toHaveLength(2);
    expect(answer.body.requests[0]).toMatchObject({
      method: "GET",
      path: "/v2/recapture/customers",
      query: { region: "au", limit: "5" },
      headers: { apikey: "[redacted]" },
      account: accountIdFor(KEY_A),
    });
    expect(answer.body.requests[1]).toMatchObject({
      method: "PUT",
      account: null,
      headers: { "content-type": "application/json" },
    });
    expect(JSON.stringify(answer.body)).not.toContain(KEY_A);
    await emulator.call("DELETE", "/__emulator/journal");
    expect(
      (await emulator.call<{ requests: unknown[] }>("GET", "/__emulator/journal")).body.requests,
    ).toEqual([]);
  });

  it("load demo data, count lookups per account, and reset everything", async () => {
    emulator = await startEmulatorServer();
    const loaded = await emulator.call<{ uploads: number; upload_ids: string[]; customers: number }>(
      "POST",
      "/__emulator/demo",
      { key: KEY_B },
    );
    expect(loaded.body.uploads).toBe(6);
    expect(new Set(loaded.body.upload_ids).size).toBe(6);
    for (const id of loaded.body.upload_ids) {
      expect(
        (await emulator.call("GET", `/v2/recapture/upload/${id}?region=au`, { key: KEY_B })).status,
      ).toBe(200);
    }
    expect(loaded.body.customers).toBeGreaterThan(1_400);
    const list = await emulator.call<{ total: number; customers: Customer[] }>(
      "GET",
      "/v2/recapture/customers?region=au&limit=500",
      { key: KEY_B },
    );
    expect(list.body.total).toBe(loaded.body.customers);
    expect(
      (await emulator.call<{ total: number }>("GET", "/v2/recapture/customers?region=au")).body.total,
    ).toBe(0);

    const lookups = await emulator.call<{ total: number }>("GET", "/__emulator/lookups", { key: KEY_B });
    expect(lookups.body.total).toBeGreaterThan(0);
    expect(
      (await emulator.call<{ total: number }>("GET", "/__emulator/lookups", { key: KEY_A })).body.total,
    ).toBe(0);

    expect((await emulator.call("POST", "/__emulator/reset")).status).toBe(200);
    expect(
      (await emulator.call<{ total: number }>("GET", "/v2/recapture/customers?region=au", { key: KEY_B }))
        .body.total,
    ).toBe(0);
    expect((await emulator.call<{ total: number }>("GET", "/__emulator/lookups")).body.total).toBe(0);
  });

  it("trigger a sighting now, only for a monitored customer", async () => {
    emulator = await startEmulatorServer();
    const put = (customer: Record<string, unknown>) =>
      emulator!.call<{ customer: Customer }>("PUT", "/v2/recapture/customers?region=au", {
        body: { customer },
      });
    const watched = (await put({ vin: "JTDBR32E720012345" })).body.customer;
    const expired = (await put({ rego: "OLD1", monitor_end_date: "2020-01-01" })).body.customer;

    const triggered = await emulator.call<{ sighting: Customer["sightings"][number]; customer: Customer }>(
      "POST",
      "/__emulator/sightings",
      {
        body: { customer_id: watched.id },
      },
    );
    expect(triggered.status).toBe(201);
    expect(Object.keys(triggered.body.sighting)).toEqual([
      "at",
      "lead_id",
      "listing_url",
      "listing_title",
      "listing_price",
      "seller_type",
    ]);
    expect(triggered.body.sighting.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(triggered.body.sighting.listing_url).toMatch(/^https:\/\//);
    expect(Number.isInteger(triggered.body.sighting.listing_price)).toBe(true);
    const fetched = await emulator.call<{ customer: Customer }>(
      "GET",
      `/v2/recapture/customers/${watched.id}?region=au`,
    );
    expect(fetched.body.customer.sightings).toEqual([triggered.body.sighting]);

    const refused = await emulator.call("POST", "/__emulator/sightings", {
      body: { customer_id: expired.id },
    });
    expect(refused.status).toBe(409);
    const unknown = await emulator.call("POST", "/__emulator/sightings", { body: { customer_id: "nope" } });
    expect(unknown.body).toEqual({ success: false, message: "Invalid Customer ID" });
  });

  it("change a lead's price, take its listing down and put it up again", async () => {
    emulator = await startEmulatorServer();
    const { customer } = (
      await emulator.call<{ customer: Customer }>("PUT", "/v2/recapture/customers?region=au", {
        body: { customer: { rego: "CUT1", state: "VIC" } },
      })
    ).body;
    const { sighting } = (
      await emulator.call<{ sighting: Customer["sightings"][number] }>("POST", "/__emulator/sightings", {
        body: { customer_id: customer.id },
      })
    ).body;
    const lead = `/__emulator/customers/${customer.id}/sightings/${sighting.lead_id}`;
    const read = async () =>
      (
        await emulator!.call<{ customer: Customer }>(
          "GET",
          `/v2/recapture/customers/${customer.id}?region=au`,
        )
      ).body.customer.sightings;

    const cut = await emulator.call<{ sighting: Customer["sightings"][number] }>("POST", `${lead}/price`, {
      body: { listing_price: sighting.listing_price - 1_500 },
    });
    expect(cut.status).toBe(200);
    expect(cut.body.sighting).toEqual({ ...sighting, listing_price: sighting.listing_price - 1_500 });
    expect(await read()).toEqual([cut.body.sighting]);

    const down = await emulator.call<{ sighting: unknown }>("DELETE", lead);
    expect(down.status).toBe(200);
    expect(down.body.sighting).toBeNull();
    expect(await read()).toEqual([]);
    expect((await emulator.call("POST", `${lead}/price`, { body: { listing_price: 9_000 } })).status).toBe(
      409,
    );

    const relisted = await emulator.call<{ sighting: unknown }>("POST", `${lead}/relist`);
    expect(relisted.body.sighting).toEqual(cut.body.sighting);
    expect(await read()).toEqual([cut.body.sighting]);

    expect((await emulator.call("POST", `${lead}/price`, { body: { listing_price: -5 } })).status).toBe(400);
    const unknownLead = await emulator.call(
      "DELETE",
      `/__emulator/customers/${customer.id}/sightings/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknownLead.status).toBe(404);
    const unknownCustomer = await emulator.call(
      "DELETE",
      `/__emulator/customers/00000000-0000-4000-8000-000000000000/sightings/${sighting.lead_id}`,
    );
    expect(unknownCustomer.body).toEqual({ success: false, message: "Invalid Customer ID" });
  });

  it("store a sighting with a link of the test's choosing, and a customer no client can read", async () => {
    emulator = await startEmulatorServer();
    const { customer } = (
      await emulator.call<{ customer: Customer & { last_updated: string } }>(
        "PUT",
        "/v2/recapture/customers?region=au",
        { body: { customer: { rego: "BAD1", state: "VIC" } } },
      )
    ).body;
    const triggered = await emulator.call<{ sighting: Customer["sightings"][number] }>(
      "POST",
      "/__emulator/sightings",
      { body: { customer_id: customer.id, listing_url: "javascript:alert(1)" } },
    );
    expect(triggered.status).toBe(201);
    expect(triggered.body.sighting.listing_url).toBe("javascript:alert(1)");

    const broken = await emulator.call("POST", "/__emulator/unreadable-customer", {
      body: { customer_id: customer.id },
    });
    expect(broken.status).toBe(200);
    const read = async () =>
      (
        await emulator!.call<{ customer: Customer & { last_updated: string } }>(
          "GET",
          `/v2/recapture/customers/${customer.id}?region=au`,
        )
      ).body.customer;
    expect((await read()).last_updated).toBe("not a date");
    expect((await read()).sightings.map((sighting) => sighting.listing_url)).toContain("javascript:alert(1)");

    // A PATCH gives it a real date again.
    await emulator.call("PATCH", `/v2/recapture/customers/${customer.id}?region=au`, {
      body: { external_id: "FIXED" },
    });
    expect(Number.isNaN(Date.parse((await read()).last_updated))).toBe(false);
    const unknown = await emulator.call("POST", "/__emulator/unreadable-customer", {
      body: { customer_id: "nope" },
    });
    expect(unknown.status).toBe(404);
  });

  it("refuse writes from other sites, bodies that aren't JSON and oversize bodies", async () => {
    emulator = await startEmulatorServer();
    const write = (path: string, init: RequestInit) =>
      fetch(`${emulator!.url}${path}`, { method: "POST", ...init });
    const faults = () => emulator!.call<{ faults: { errorRate: number } }>("GET", "/__emulator/faults");

    // What a page on another site can send without a preflight: a form or a no-cors fetch.
    const crossSite: Record<string, string>[] = [
      { Origin: "http://evil.example", "Content-Type": "text/plain" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site", Origin: "http://localhost:3000" },
    ];
    for (const headers of crossSite) {
      const refused = await write("/__emulator/reset", { headers });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(await refused.json()).toEqual({
        success: false,
        message: "Control requests must not come from another site",
      });
    }

    const plain = await write("/__emulator/faults", {
      method: "PUT",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(plain.status).toBe(415);

    const oversize = JSON.stringify({ errorRate: 1, padding: "x".repeat(CONTROL_MAX_BODY_BYTES) });
    const large = await write("/__emulator/faults", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: oversize,
    });
    expect(large.status).toBe(413);
    // Without a Content-Length the limit is counted as the body streams in.
    const streamed = await write("/__emulator/faults", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: new Blob([oversize]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await faults()).body.faults.errorRate).toBe(0);

    // Scripts send no Origin; a page of the emulator's own origin may write too.
    const own = await write("/__emulator/faults", {
      method: "PUT",
      headers: { "Content-Type": "application/json", Origin: emulator.url, "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ errorRate: 0.5 }),
    });
    expect(own.status).toBe(200);
    expect((await faults()).body.faults.errorRate).toBe(0.5);
  });
});
