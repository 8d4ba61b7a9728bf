import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "./index";
import { KEY_A, startEmulatorServer } from "@/lib/testing/emulator-server";

const folder = mkdtempSync(join(tmpdir(), "emulator-test-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Upload = { id: string; total_processed_customers: number };

describe("storage in a file", () => {
  it("keeps data across a restart and resumes a queued upload", async () => {
    // A nested folder that does not exist yet: the emulator creates it.
    const db = join(folder, "nested", "emulator.db");
    const first = await startEmulatorServer({ db, processRate: 100 });
    const created = await first.call<{ customer: { id: string } }>(
      "PUT",
      "/v2/recapture/customers?region=au",
      { body: { customer: { rego: "KEEP1" } } },
    );
    const customers = Array.from({ length: 500 }, (_, i) => ({ rego: `Q${i}` }));
    const queued = await first.call<{ upload: Upload }>("POST", "/v2/recapture/upload?region=au", {
      body: { name: "Restart", customers },
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await first.close();

    const second = await startEmulatorServer({ db, processRate: 0 });
    try {
      const kept = await second.call<{ customer: { rego: string } }>(
        "GET",
        `/v2/recapture/customers/${created.body.customer.id}?region=au`,
      );
      expect(kept.body.customer.rego).toBe("KEEP1");
      const done = await second.waitForUpload(queued.body.upload.id);
      expect(done.total_processed_customers).toBe(500);
      const listed = await second.call<{ total: number; customers: { rego: string }[] }>(
        "GET",
        `/v2/recapture/customers?region=au&limit=500&upload_id=${queued.body.upload.id}`,
      );
      // Every queued customer exactly once, in order, even though processing was interrupted.
      expect(listed.body.customers.map((customer) => customer.rego)).toEqual(
        customers.map((customer) => customer.rego),
      );
    } finally {
      await second.close();
    }
  });

  it("loads the demo data once, and names its uploads only on the start that loaded them", async () => {
    const db = join(folder, "demo.db");
    const options = { db, apiKeys: [KEY_A], processRate: 0, control: false, seed: "demo" as const };
    const first = createEmulator(options);
    const loaded = first.demoUploadIds;
    first.close();
    expect(loaded).toHaveLength(6);

    const second = createEmulator(options);
    try {
      expect(second.demoUploadIds).toEqual([]);
      const request = (id: string) =>
        new Request(`http://emulator.test/v2/recapture/upload/${id}?region=au`, {
          headers: { ApiKey: KEY_A },
        });
      for (const id of loaded) expect((await second.fetch(request(id))).status).toBe(200);
    } finally {
      second.close();
    }
  });
});
