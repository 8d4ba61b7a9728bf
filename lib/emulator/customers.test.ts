import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_B, startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

type Page = { total: number; customers: { id: string; external_id: string }[] };

let emulator: EmulatorServer;
let uploadId: string;
beforeAll(async () => {
  emulator = await startEmulatorServer();
  const customers = Array.from({ length: 1_200 }, (_, i) => ({ rego: `P${i}`, external_id: String(i) }));
  const answer = await emulator.call<{ upload: { id: string } }>("POST", "/v2/recapture/upload?region=au", {
    body: { name: "Paging", customers },
  });
  uploadId = answer.body.upload.id;
  await emulator.waitForUpload(uploadId);
  await emulator.call("PUT", "/v2/recapture/customers?region=au", {
    body: { customer: { rego: "SOLO1", external_id: "solo" } },
  });
});
afterAll(() => emulator.close());

const page = async (query: string, key?: string) =>
  (await emulator.call<Page>("GET", `/v2/recapture/customers?region=au${query}`, { key })).body;

describe("listing customers", () => {
  it("pages in creation order with the limit capped at 500 and a default of 100", async () => {
    expect((await page("")).customers).toHaveLength(100);
    const pages = [
      await page("&limit=1000&offset=0"),
      await page("&limit=1000&offset=500"),
      await page("&limit=1000&offset=1000"),
    ];
    expect(pages.map((p) => [p.total, p.customers.length])).toEqual([
      [1_201, 500],
      [1_201, 500],
      [1_201, 201],
    ]);
    const externalIds = pages.flatMap((p) => p.customers.map((customer) => customer.external_id));
    expect(externalIds).toEqual([...Array.from({ length: 1_200 }, (_, i) => String(i)), "solo"]);
    expect(new Set(pages.flatMap((p) => p.customers.map((customer) => customer.id))).size).toBe(1_201);
    expect((await page("&offset=5000")).customers).toEqual([]);
  });

  it("filters by upload", async () => {
    const filtered = await page(`&upload_id=${uploadId}&limit=1`);
    expect(filtered.total).toBe(1_200);
    expect((await page("&upload_id=99aa2d8e-348b-4321-beeb-f2fa67bab3eb")).total).toBe(0);
  });

  it("refuses bad paging and filter values", async () => {
    for (const [query, message] of [
      ["&limit=0", "limit must be an integer of at least 1"],
      ["&limit=ten", "limit must be an integer of at least 1"],
      ["&offset=-1", "offset must be an integer of at least 0"],
      ["&upload_id=nope", "Invalid Upload ID"],
    ]) {
      const answer = await emulator.call("GET", `/v2/recapture/customers?region=au${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, message });
    }
  });

  it("pages correctly through a list that changed since the page before", async () => {
    const externalIds = async (query: string) =>
      (await page(query)).customers.map((customer) => customer.external_id);
    for (const list of ["", `&upload_id=${uploadId}`]) {
      expect(await externalIds(`${list}&limit=500&offset=0`)).toHaveLength(500);
      expect((await externalIds(`${list}&limit=3&offset=499`))[0]).toBe("499");
    }
    const [tenth] = (await page("&limit=1&offset=10")).customers;
    await emulator.call("DELETE", `/v2/recapture/customers/${tenth!.id}?region=au`);
    for (const list of ["", `&upload_id=${uploadId}`]) {
      const shifted = await page(`${list}&limit=3&offset=499`);
      expect(shifted.customers.map((customer) => customer.external_id)).toEqual(["500", "501", "502"]);
      expect(shifted.total).toBe(list ? 1_199 : 1_200);
    }
  });
});

describe("accounts and regions", () => {
  it("keep their data apart", async () => {
    expect((await page("", KEY_B)).total).toBe(0);
    expect((await page(`&upload_id=${uploadId}`, KEY_B)).total).toBe(0);
    const nz = await emulator.call<Page>("GET", "/v2/recapture/customers?region=nz");
    expect(nz.body.total).toBe(0);

    const someone = (await page("&limit=1")).customers[0]?.id;
    const otherRegion = await emulator.call("GET", `/v2/recapture/customers/${someone}?region=nz`);
    expect(otherRegion.status).toBe(404);
    const otherAccount = await emulator.call("GET", `/v2/recapture/customers/${someone}?region=au`, {
      key: KEY_B,
    });
    expect(otherAccount.status).toBe(403);
    const upload = await emulator.call("GET", `/v2/recapture/upload/${uploadId}?region=nz`);
    expect(upload.status).toBe(404);
  });
});
