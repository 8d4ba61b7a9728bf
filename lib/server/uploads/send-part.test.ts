import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUnreadableCustomer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { startHarness, staff, uploadOf, type Harness } from "@/lib/testing/emulator-harness";
import { checkSentPart } from "./part-check";
import { findRegisteredUpload } from "./register";
import { overHttp } from "@/lib/testing/over-http";
import { sendUploadPart as sendDomain } from "./send-part";
import { findSentPart } from "./sent-parts";

const PART = "5b0c6a1e-8f43-4d2a-a6c1-3e9d7f20b101";
const TIMEOUT_MS = 200;

// Domain errors as a route answers them, so each check sees the status an API client gets.
const sendUploadPart = overHttp(sendDomain);

describeEachEngine("sending a part", () => {
  let harness: Harness;
  beforeEach(() => {
    harness = startHarness({ timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => harness.close());

  const send = (body = uploadOf(25), user = staff) =>
    sendUploadPart({ partId: PART, body, region: "au", user, client: harness.client, timeoutMs: TIMEOUT_MS });

  const uploadPosts = () =>
    harness.requests.filter((request) => request === "POST /v2/recapture/upload").length;

  describe("sendUploadPart", () => {
    it("records the part as sending before the request leaves, then queued with its upload id", async () => {
      const seen: (string | undefined)[] = [];
      const original = harness.emulator.fetch;
      harness.emulator.fetch = async (request) => {
        seen.push((await findSentPart(PART))?.state);
        return original(request);
      };
      const upload = await send();
      expect(seen).toEqual(["sending"]);
      expect(await findSentPart(PART)).toMatchObject({ state: "queued", uploadId: upload.id, customers: 25 });
      expect((await findRegisteredUpload(PART))?.parts.map((part) => part.id)).toEqual([upload.id]);
      await expect.poll(() => harness.copiesOf(PART)).toBe(25);
    });

    it("answers a retry of a queued part with its upload, without sending it again", async () => {
      const upload = await send();
      expect(await send()).toMatchObject({ id: upload.id, total_uploaded_customers: 25 });
      expect(uploadPosts()).toBe(1);
    });

    it("when the API accepts it and the answer is lost: not confirmed, never resent, found by a check", async () => {
      await harness.setFaults({ dropResponseRate: 1, times: 1 });
      await expect(send()).rejects.toMatchObject({
        status: 502,
        code: "upload_not_confirmed",
        message:
          "The connection to the Recapture API failed before its answer arrived. It may still have been queued, so it won't be sent again until the dashboard has checked whether it arrived.",
      });
      expect(await findSentPart(PART)).toMatchObject({
        state: "not_confirmed",
        reason: "The connection to the Recapture API failed before its answer arrived.",
      });
      await expect(send()).rejects.toMatchObject({ status: 409, code: "part_not_confirmed" });

      await expect.poll(async () => (await checkSentPart(harness.client, PART)).customersFound).toBe(25);
      expect((await findSentPart(PART))?.state).toBe("arrived");
      await expect(send()).rejects.toMatchObject({ status: 409, code: "part_already_received" });
      expect(uploadPosts()).toBe(1);
      await expect.poll(() => harness.copiesOf(PART)).toBe(25);
    });

    it("when the API answers after the timeout: 504 not confirmed, then the late answer links its upload", async () => {
      await harness.setFaults({ latencyMs: TIMEOUT_MS * 2, times: 1 });
      await expect(send()).rejects.toMatchObject({ status: 504, code: "upload_not_confirmed" });
      expect(await findSentPart(PART)).toMatchObject({
        state: "not_confirmed",
        reason: "The Recapture API took too long to answer.",
      });
      await expect.poll(async () => (await findSentPart(PART))?.state).toBe("queued");
      const { uploadId } = (await findSentPart(PART))!;
      expect((await findRegisteredUpload(PART))?.parts.map((part) => part.id)).toEqual([uploadId]);
      expect(uploadPosts()).toBe(1);
      await expect.poll(() => harness.copiesOf(PART)).toBe(25);
    });

    it("forgets a part the API refused outright, so it can be sent again", async () => {
      await harness.setFaults({ rateLimitRate: 1, times: 1 });
      await expect(send()).rejects.toMatchObject({ status: 429 });
      expect(await findSentPart(PART)).toBeUndefined();
      await send();
      expect((await findSentPart(PART))?.state).toBe("queued");
      await expect.poll(() => harness.copiesOf(PART)).toBe(25);
    });

    it("refuses a part id someone else used", async () => {
      await send();
      await expect(send(uploadOf(25), { ...staff, id: 9, email: "sam@demo.local" })).rejects.toMatchObject({
        status: 409,
        code: "part_id_taken",
      });
    });

    it("writes the part's id into every customer, over a column of the same name", async () => {
      const body = uploadOf(2);
      body.customers[0]!.additional_fields = { recapture_dashboard_part: "from the file", branch: "Geelong" };
      await send(body);
      await expect
        .poll(async () =>
          (await harness.client.listCustomers({})).customers.map((customer) =>
            isUnreadableCustomer(customer) ? customer : customer.additional_fields,
          ),
        )
        .toEqual([{ recapture_dashboard_part: PART, branch: "Geelong" }, { recapture_dashboard_part: PART }]);
    });
  });
});
