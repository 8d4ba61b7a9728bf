import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { startHarness, staff, uploadOf, type Harness } from "@/lib/testing/emulator-harness";
import { overHttp } from "@/lib/testing/over-http";
import { checkSentPart, countPartCustomers, SETTLE_MS } from "./part-check";
import { withPartReference } from "./part-reference";
import { registerUpload } from "./register";
import {
  findSentPart,
  recordPartNotConfirmed,
  recordPartQueued,
  recoverInterruptedSends,
  startSending,
} from "./sent-parts";

const PART = "7e1f0c52-3b7e-4f0e-9d55-2d7a4c1b9a01";
const OTHER_PART = "7e1f0c52-3b7e-4f0e-9d55-2d7a4c1b9a02";
const START = Date.parse("2026-11-30T01:00:00.000Z");

const at = (ms: number) => new Date(START + ms);

describeEachEngine("checking a part that isn't confirmed", () => {
  let harness: Harness;
  beforeEach(() => {
    harness = startHarness({ start: START });
  });
  afterEach(() => harness.close());

  /** A part recorded as sent at START, whose request was over at `answerDueBy`, now not confirmed. */
  async function notConfirmedPart(customers: number, { id = PART, answerDueBy = at(0) } = {}) {
    await startSending({ id, region: "au", name: "June service customers", customers }, staff, {
      now: at(0),
      answerDueBy,
    });
    await recordPartNotConfirmed(id, "The connection to the Recapture API failed before its answer arrived.");
  }

  /** Queues the part upstream as the lost request did, and waits until the emulator has processed it. */
  async function queueUpstream(count: number, id = PART) {
    const { upload } = await harness.client.uploadCustomers(withPartReference(uploadOf(count), id));
    await expect
      .poll(async () => (await harness.client.getUpload(upload.id)).upload.total_processed_customers)
      .toBe(count);
    return upload;
  }

  describe("checkSentPart", () => {
    it("finds a part whose answer was lost by its customers, and counts them", async () => {
      await queueUpstream(30, OTHER_PART);
      await notConfirmedPart(1_234);
      await queueUpstream(1_234);

      const part = await checkSentPart(harness.client, PART, at(1_000));
      expect(part).toMatchObject({
        state: "arrived",
        customersFound: 1_234,
        finding: "1,234 of its 1,234 customers are in the Recapture API.",
        uploadId: null,
        checkedAt: at(1_000).toISOString(),
      });
    });

    it("waits while the request that sent the part may still be open", async () => {
      await notConfirmedPart(10, { answerDueBy: at(60_000) });
      const part = await checkSentPart(harness.client, PART, at(30_000));
      expect(part.state).toBe("not_confirmed");
      expect(part.finding).toBe(
        "None of its customers yet, and the request that sent it may still be open: waiting for its answer.",
      );
    });

    it("gives the API a few seconds after the request is over before it says anything", async () => {
      await notConfirmedPart(10);
      const part = await checkSentPart(harness.client, PART, at(SETTLE_MS - 1));
      expect(part.state).toBe("not_confirmed");
      expect(part.finding).toMatch(/giving the Recapture API a few seconds/);
    });

    it("waits while an upload ahead of it is still being processed, naming it", async () => {
      await harness.control("PUT", "process-rate", { process_rate: 1 });
      const { upload } = await harness.client.uploadCustomers(uploadOf(500, "Fleet customers"));
      await registerUpload(upload, { region: "au", user: staff, source: "dashboard" }, at(0));
      await notConfirmedPart(10);

      const part = await checkSentPart(harness.client, PART, at(SETTLE_MS));
      expect(part.state).toBe("not_confirmed");
      expect(part.finding).toMatch(/still working through “Fleet customers” \(\d+ customers to go\)/);
    });

    it("says a part did not arrive once nothing could still bring its customers, and lets it be sent again", async () => {
      await queueUpstream(20, OTHER_PART);
      await notConfirmedPart(10);
      const part = await checkSentPart(harness.client, PART, at(SETTLE_MS));
      expect(part).toMatchObject({
        state: "not_arrived",
        finding:
          "None of its 10 customers reached the Recapture API, which has nothing else left to process: it was not received.",
      });
      expect(
        await startSending({ id: PART, region: "au", name: "June", customers: 10 }, staff, {
          now: at(SETTLE_MS),
          answerDueBy: at(SETTLE_MS),
        }),
      ).toBeUndefined();
      expect((await findSentPart(PART))?.state).toBe("sending");
    });

    it("still finds a part that turns up after a check said it didn't arrive", async () => {
      await notConfirmedPart(5);
      expect((await checkSentPart(harness.client, PART, at(SETTLE_MS))).state).toBe("not_arrived");
      await queueUpstream(5);
      expect((await checkSentPart(harness.client, PART, at(SETTLE_MS * 2))).state).toBe("arrived");
    });

    it("settles a part left sending by a restart, and leaves a queued part alone", async () => {
      await startSending({ id: PART, region: "au", name: "June", customers: 7 }, staff, {
        now: at(0),
        answerDueBy: at(1_000),
      });
      await queueUpstream(7);
      // Its request is over, so this holds on a database of its own and on one shared with other instances.
      expect(await recoverInterruptedSends(at(1_000))).toBe(1);
      expect((await findSentPart(PART))?.state).toBe("not_confirmed");
      expect((await checkSentPart(harness.client, PART, at(2_000))).state).toBe("arrived");

      const { upload } = await harness.client.uploadCustomers(uploadOf(1));
      await recordPartQueued(PART, upload, at(3_000));
      const before = harness.requests.length;
      expect(await checkSentPart(harness.client, PART, at(4_000))).toMatchObject({
        state: "queued",
        uploadId: upload.id,
      });
      expect(harness.requests.length).toBe(before);
    });

    it("refuses a part it has no record of", async () => {
      // As a route answers it: the status an API client gets.
      await expect(overHttp(checkSentPart)(harness.client, PART)).rejects.toMatchObject({
        status: 404,
        code: "unknown_part",
      });
    });
  });

  describe("countPartCustomers", () => {
    it("reads back only to the customers created before the part was sent", async () => {
      await queueUpstream(1_800, OTHER_PART);
      harness.clock.now = START + 3_600_000;
      await queueUpstream(600);
      harness.requests.length = 0;

      const counted = await countPartCustomers(harness.client, {
        id: PART,
        region: "au",
        sentAt: new Date(START + 3_600_000).toISOString(),
      });
      expect(counted).toEqual({ found: 600, complete: true });
      // The total, two pages back (the second reaching an hour-old customer), and the end again.
      expect(harness.requests).toEqual(Array(4).fill("GET /v2/recapture/customers"));
    });

    it("reads to the start of the list when every customer is newer", async () => {
      await queueUpstream(700);
      expect(
        await countPartCustomers(harness.client, {
          id: PART,
          region: "au",
          sentAt: new Date(START).toISOString(),
        }),
      ).toEqual({ found: 700, complete: true });
    });
  });
});
