import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { startHarness, staff, uploadOf, type Harness } from "@/lib/testing/emulator-harness";
import { findRegisteredUploadAnswer, recordCancellation, registerUpload } from "./register";
import { trackUnfinishedUploads, UPLOADS_READ_PER_ROUND } from "./upload-tracker";

const START = Date.parse("2026-12-01T01:00:00.000Z");
const at = (ms: number) => new Date(START + ms);

describeEachEngine("trackUnfinishedUploads", () => {
  let harness: Harness;
  beforeEach(() => {
    harness = startHarness({ start: START });
  });
  afterEach(() => harness.close());

  /** Sends an upload upstream and registers it with the API's first answer: nothing processed yet. */
  async function registeredUpload(count: number, { region = "au" as Region, checkedAt = at(0) } = {}) {
    const { upload } = await harness.client.uploadCustomers(uploadOf(count), { region });
    expect(upload.total_processed_customers).toBe(0);
    await registerUpload(upload, { region, user: staff, source: "dashboard" }, checkedAt);
    return upload;
  }

  const uploadReads = () =>
    harness.requests.filter((request) => request.startsWith("GET /v2/recapture/upload/"));

  it("records how far each unfinished upload has got, until the register shows it complete", async () => {
    const upload = await registeredUpload(1_500);

    await expect
      .poll(async () => {
        await trackUnfinishedUploads(harness.client, at(1_000));
        return findRegisteredUploadAnswer(upload.id);
      })
      .toMatchObject({ total_uploaded_customers: 1_500, total_processed_customers: 1_500 });
    expect(await trackUnfinishedUploads(harness.client, at(2_000))).toEqual({ read: 0, failed: 0 });
  });

  it("reads every region's uploads, but not cancelled ones", async () => {
    const inNz = await registeredUpload(3, { region: "nz" });
    const cancelled = await registeredUpload(3);
    await recordCancellation(cancelled, staff, at(0));

    expect(await trackUnfinishedUploads(harness.client, at(1_000))).toEqual({ read: 1, failed: 0 });
    expect(uploadReads()).toEqual([`GET /v2/recapture/upload/${inNz.id}`]);
  });

  it(`reads at most ${UPLOADS_READ_PER_ROUND} uploads of a region a round, those read longest ago first`, async () => {
    const uploads: Upload[] = [];
    for (let n = 0; n < UPLOADS_READ_PER_ROUND + 2; n += 1) {
      uploads.push(await registeredUpload(1, { checkedAt: at(n) }));
    }
    // Processed upstream before the rounds, so each read finds its upload complete.
    await expect
      .poll(async () => (await harness.client.getUpload(uploads.at(-1)!.id)).upload.total_processed_customers)
      .toBe(1);
    harness.requests.length = 0;

    expect(await trackUnfinishedUploads(harness.client, at(60_000))).toEqual({
      read: UPLOADS_READ_PER_ROUND,
      failed: 0,
    });
    expect(await trackUnfinishedUploads(harness.client, at(61_000))).toEqual({ read: 2, failed: 0 });
    expect(uploadReads()).toEqual(uploads.map(({ id }) => `GET /v2/recapture/upload/${id}`));
  });

  it("logs an upload it can't read and carries on with the others", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const missing = { ...(await registeredUpload(2)), id: "00000000-0000-4000-8000-00000000dead" };
    await registerUpload(missing, { region: "au", user: staff, source: "tracked" }, at(0));
    const upload = await registeredUpload(2, { checkedAt: at(1) });

    await expect
      .poll(async () => {
        await trackUnfinishedUploads(harness.client, at(1_000));
        return (await findRegisteredUploadAnswer(upload.id))?.total_processed_customers;
      })
      .toBe(2);
    expect(logged).toHaveBeenCalledWith(
      `Upload tracker: could not read upload ${missing.id} (au):`,
      expect.anything(),
    );
    logged.mockRestore();
  });
});
