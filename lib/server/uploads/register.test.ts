import { describe, expect, it } from "vitest";
import type { Upload } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { database } from "@/lib/server/db";
import { readCustomerSync, uploadsToTag } from "@/lib/server/db/customer-sync-state";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { findNotSentFile, recordBatch as recordBatchDomain } from "./batches";
import {
  findRegisteredUpload,
  listRegisteredUploads,
  recordCancellation,
  recordDemoUploads,
  recordProgress,
  recordUpload,
} from "./register";
import { overHttp } from "@/lib/testing/over-http";
import { recordPartFinding, recordPartNotConfirmed, recordPartQueued, startSending } from "./sent-parts";

// Domain errors as a route answers them, so each check sees the status an API client gets.
const recordBatch = overHttp(recordBatchDomain);

const staff: SessionUser = { id: 2, email: "staff@demo.local", name: "Demo Staff", role: "staff" };
const otherStaff: SessionUser = { id: 3, email: "sam@demo.local", name: "Sam", role: "staff" };
const admin: SessionUser = { id: 1, email: "admin@demo.local", name: null, role: "admin" };

let sequence = 0;
function upload(overrides: Partial<Upload> = {}): Upload {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
    created_at: "2025-03-01T00:00:00.000Z",
    enable_rego_lookups: false,
    name: "March service customers",
    total_uploaded_customers: 5_000,
    total_processed_customers: 0,
    total_errors: 0,
    ...overrides,
  };
}

const minute = (n: number) => new Date(Date.UTC(2025, 2, 1, 9, n));
const sent = (value: Upload, at = minute(0)) =>
  recordUpload(value, { region: "au", user: staff, source: "dashboard" }, at);

/** Parts sent one after another, as the wizard sends them. */
async function sentParts(values: Upload[]): Promise<string[]> {
  const ids: string[] = [];
  for (const value of values) ids.push(await sentPart(value));
  return ids;
}

/** A part sent through the wizard: recorded before it leaves, then queued with the API's answer (unless `answered` is false). */
async function sentPart(
  value: Upload,
  { at = minute(0), user = staff, answered = true } = {},
): Promise<string> {
  const partId = value.id.replace(/^0{8}/, "aaaaaaaa");
  await startSending(
    { id: partId, region: "au", name: value.name ?? "", customers: value.total_uploaded_customers },
    user,
    { now: at, answerDueBy: at },
  );
  if (answered) await recordPartQueued(partId, value, at);
  return partId;
}

describeEachEngine("the uploads register", () => {
  describe("recordUpload", () => {
    it("keeps who sent it, where, and the counters the API answered", async () => {
      const queued = upload();
      const registered = await sent(queued);
      expect(registered).toEqual({
        id: queued.id,
        name: "March service customers",
        source: "dashboard",
        recordedBy: { email: "staff@demo.local", name: "Demo Staff" },
        recordedAt: minute(0).toISOString(),
        file: null,
        parts: [
          {
            id: queued.id,
            name: "March service customers",
            region: "au",
            partNumber: 1,
            enableRegoLookups: false,
            createdAt: "2025-03-01T00:00:00.000Z",
            totalUploaded: 5_000,
            totalProcessed: 0,
            totalErrors: 0,
            checkedAt: minute(0).toISOString(),
            cancelledAt: null,
            cancelledBy: null,
          },
        ],
        sentParts: [],
      });
    });

    it("cuts a name from upstream (an upload made elsewhere) to 200 characters", async () => {
      const tracked = await recordUpload(
        upload({ name: "N".repeat(20_000) }),
        { region: "au", user: staff, source: "tracked" },
        minute(1),
      );
      expect(tracked.name).toHaveLength(200);
    });

    it("tracking an upload already registered keeps its history and refreshes its counters", async () => {
      const queued = upload();
      await sent(queued);
      const tracked = await recordUpload(
        { ...queued, total_processed_customers: 800 },
        { region: "nz", user: admin, source: "tracked" },
        minute(5),
      );
      expect(tracked.source).toBe("dashboard");
      expect(tracked.recordedBy?.email).toBe("staff@demo.local");
      expect(tracked.parts[0]).toMatchObject({
        region: "au",
        totalProcessed: 800,
        checkedAt: minute(5).toISOString(),
      });
    });
  });

  describe("recordDemoUploads", () => {
    it("records the emulator's demo uploads as history: by nobody, when each was created", async () => {
      const older = upload({ name: "June 2026 Service Customers", created_at: "2026-06-03T01:00:00.000Z" });
      const newer = upload({
        name: "September 2026 Fleet Customers",
        created_at: "2026-09-10T01:00:00.000Z",
      });
      const mine = upload({ created_at: "2026-11-28T09:00:00.000Z" });
      await sent(mine, new Date("2026-11-28T09:00:00.000Z"));
      await recordDemoUploads([older, newer], "au", minute(5));
      await recordDemoUploads([older, newer], "au", minute(6));

      const { total, uploads } = await listRegisteredUploads({ page: 1, pageSize: 25 });
      expect(total).toBe(3);
      expect(
        uploads.map(({ id, source, recordedBy, recordedAt }) => ({ id, source, recordedBy, recordedAt })),
      ).toEqual([
        {
          id: mine.id,
          source: "dashboard",
          recordedBy: { email: "staff@demo.local", name: "Demo Staff" },
          recordedAt: "2026-11-28T09:00:00.000Z",
        },
        { id: newer.id, source: "demo", recordedBy: null, recordedAt: "2026-09-10T01:00:00.000Z" },
        { id: older.id, source: "demo", recordedBy: null, recordedAt: "2026-06-03T01:00:00.000Z" },
      ]);
      expect((await findRegisteredUpload(older.id))?.parts[0]?.checkedAt).toBe(minute(6).toISOString());
    });
  });

  describe("recordProgress and recordCancellation", () => {
    it("stores the latest counters and when they were read", async () => {
      const queued = upload();
      await sent(queued);
      await recordProgress({ ...queued, total_processed_customers: 2_400, total_errors: 3 }, minute(2));
      expect((await findRegisteredUpload(queued.id))?.parts[0]).toMatchObject({
        totalProcessed: 2_400,
        totalErrors: 3,
        checkedAt: minute(2).toISOString(),
      });
    });

    it("never takes the counters back when an older answer arrives late", async () => {
      const queued = upload();
      await sent(queued);
      await recordProgress({ ...queued, total_processed_customers: 3_000, total_errors: 2 }, minute(2));
      await recordProgress({ ...queued, total_processed_customers: 2_900, total_errors: 1 }, minute(3));
      expect((await findRegisteredUpload(queued.id))?.parts[0]).toMatchObject({
        totalProcessed: 3_000,
        totalErrors: 2,
      });
    });

    it("asks the customer index for a pass once, when a read finds the upload finished", async () => {
      const queued = upload({ total_uploaded_customers: 3_000 });
      await sent(queued);
      await recordProgress({ ...queued, total_processed_customers: 2_000 }, minute(2));
      expect((await readCustomerSync("au"))?.requested_at ?? null).toBeNull();

      await recordProgress({ ...queued, total_processed_customers: 3_000 }, minute(3));
      const requested = (await readCustomerSync("au"))?.requested_at;
      expect(requested).toEqual(expect.any(String));
      expect(await uploadsToTag("au")).toContainEqual({ uploadId: queued.id, processed: true });

      // Reading it again (the progress page open for a while) asks for nothing more.
      await (await database()).updateTable("customer_sync").set({ requested_at: null }).execute();
      await recordProgress({ ...queued, total_processed_customers: 3_000 }, minute(4));
      expect((await readCustomerSync("au"))?.requested_at ?? null).toBeNull();
    });

    it("ignores uploads that aren't registered", async () => {
      await recordProgress(upload());
      expect((await listRegisteredUploads({ page: 1, pageSize: 20 })).total).toBe(0);
    });

    it("records who cancelled and the numbers at that moment, keeping the first cancellation", async () => {
      const queued = upload();
      await sent(queued);
      await recordCancellation({ ...queued, total_processed_customers: 1_700 }, staff, minute(3));
      await recordCancellation({ ...queued, total_processed_customers: 1_750 }, admin, minute(4));
      expect((await findRegisteredUpload(queued.id))?.parts[0]).toMatchObject({
        totalProcessed: 1_750,
        cancelledAt: minute(3).toISOString(),
        cancelledBy: { email: "staff@demo.local", name: "Demo Staff" },
      });
    });
  });

  describe("recordBatch", () => {
    const parts = () => [
      upload({ name: "Trade-ins (part 1 of 2)" }),
      upload({ name: "Trade-ins (part 2 of 2)", total_uploaded_customers: 1_200 }),
    ];
    const batchOf = (ids: string[]) => ({
      name: "Trade-ins",
      fileName: "trade-ins.csv",
      rowsInFile: 6_210,
      sent: 6_200,
      notSent: 10,
      notSentCsv: "rego,state,problem\nABC,ZZ,Unknown state\n",
      partIds: ids,
    });

    it("joins the parts into one line with the file's counts, found from any part or upload id", async () => {
      const [first, second] = parts();
      const ids = [await sentPart(first!), await sentPart(second!, { at: minute(1) })];
      const recorded = await recordBatch(batchOf(ids), staff);
      expect(recorded.id).toBe(first!.id);
      expect(recorded.name).toBe("Trade-ins");
      expect(recorded.file).toEqual({
        name: "trade-ins.csv",
        rowsInFile: 6_210,
        rowsSent: 6_200,
        rowsNotSent: 10,
      });
      expect(recorded.parts.map((part) => [part.id, part.partNumber])).toEqual([
        [first!.id, 1],
        [second!.id, 2],
      ]);
      expect(recorded.sentParts).toEqual([]);
      expect(await findRegisteredUpload(second!.id)).toEqual(recorded);
      expect(await findRegisteredUpload(ids[1]!)).toEqual(recorded);
      expect(await findNotSentFile(second!.id)).toEqual({
        fileName: "trade-ins.csv",
        csv: "rego,state,problem\nABC,ZZ,Unknown state\n",
      });
    });

    it("returns the same line when the wizard sends the batch again", async () => {
      const ids = await sentParts(parts());
      const recorded = await recordBatch(batchOf(ids), staff);
      expect(await recordBatch(batchOf(ids), staff)).toEqual(recorded);
      expect((await listRegisteredUploads({ page: 1, pageSize: 20 })).total).toBe(1);
    });

    it("records one line when two requests group the same parts at once", async () => {
      const ids = await sentParts(parts());
      const [one, other] = await Promise.all([
        recordBatch(batchOf(ids), staff),
        recordBatch({ ...batchOf(ids), name: "Trade-ins, sent again" }, staff),
      ]);
      expect(other).toEqual(one);
      expect(one.parts.map((part) => part.partNumber)).toEqual([1, 2]);
      expect((await listRegisteredUploads({ page: 1, pageSize: 20 })).total).toBe(1);
    });

    it("refuses parts it doesn't know, parts of another file, and counts that don't match", async () => {
      const [first, second] = parts();
      const firstId = await sentPart(first!);
      const secondId = second!.id.replace(/^0{8}/, "aaaaaaaa");
      await expect(recordBatch(batchOf([firstId, secondId]), staff)).rejects.toThrow(/isn't in the register/);
      await sentPart(second!);
      await expect(
        recordBatch({ ...batchOf([firstId, secondId]), sent: 6_000, rowsInFile: 6_010 }, staff),
      ).rejects.toThrow(/hold 6200 customers/);
      await recordBatch({ ...batchOf([firstId]), sent: 5_000, rowsInFile: 5_010 }, staff);
      await expect(recordBatch(batchOf([firstId, secondId]), staff)).rejects.toThrow(/already recorded/);
    });

    it("groups only the sender's parts, unless an administrator does it", async () => {
      const ids = await sentParts(parts());
      await expect(recordBatch(batchOf(ids), otherStaff)).rejects.toThrow(
        expect.objectContaining({ status: 403, code: "not_your_parts" }),
      );
      expect((await recordBatch(batchOf(ids), admin)).name).toBe("Trade-ins");
    });

    it("refuses uploads the dashboard did not send as parts: tracked and demo uploads have no part id", async () => {
      const demo = upload();
      await recordDemoUploads([demo], "au");
      await expect(
        recordBatch({ ...batchOf([demo.id]), sent: 5_000, rowsInFile: 5_010 }, admin),
      ).rejects.toThrow(/isn't in the register/);
    });

    it("waits for a part that isn't confirmed, and groups one a check found upstream without its upload id", async () => {
      const [first, second] = parts();
      const firstId = await sentPart(first!);
      const secondId = await sentPart(second!, { at: minute(1), answered: false });
      await recordPartNotConfirmed(secondId, "The Recapture API took too long to answer.");
      await expect(recordBatch(batchOf([firstId, secondId]), staff)).rejects.toThrow(
        expect.objectContaining({ status: 409, code: "part_not_confirmed" }),
      );

      await recordPartFinding(
        secondId,
        {
          verdict: "arrived",
          customersFound: 1_200,
          finding: "1,200 of its 1,200 customers are in the Recapture API.",
        },
        minute(2),
      );
      const line = await recordBatch(batchOf([firstId, secondId]), staff);
      expect(line.parts.map((part) => part.id)).toEqual([first!.id]);
      expect(line.sentParts).toMatchObject([
        { id: secondId, partNumber: 2, state: "arrived", customersFound: 1_200, uploadId: null },
      ]);

      // Its answer turns up after all: the upload joins the line as part 2.
      await recordPartQueued(secondId, second!, minute(3));
      const linked = (await findRegisteredUpload(firstId))!;
      expect(linked.parts.map((part) => [part.id, part.partNumber])).toEqual([
        [first!.id, 1],
        [second!.id, 2],
      ]);
      expect(linked.sentParts).toEqual([]);
    });

    it("has no file of rows not sent for a standalone upload", async () => {
      const queued = upload();
      await sent(queued);
      expect(await findNotSentFile(queued.id)).toBeUndefined();
    });
  });

  describe("listRegisteredUploads", () => {
    it("lists a line per file, standalone upload or unconfirmed part, newest first, a page at a time", async () => {
      const lines: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        const single = upload({ name: `Upload ${n}` });
        await sent(single, minute(n));
        lines.push(single.id);
      }
      const ids = [
        await sentPart(upload(), { at: minute(10) }),
        await sentPart(upload({ total_uploaded_customers: 100 }), { at: minute(11) }),
      ];
      await recordBatch(
        { name: "Split", fileName: "split.csv", rowsInFile: 5_100, sent: 5_100, notSent: 0, partIds: ids },
        staff,
      );
      const lost = await sentPart(upload({ name: "Lost answer" }), { at: minute(12), answered: false });
      await recordPartNotConfirmed(
        lost,
        "The connection to the Recapture API failed before its answer arrived.",
      );

      const pageOne = await listRegisteredUploads({ page: 1, pageSize: 4 });
      expect(pageOne.total).toBe(7);
      expect(pageOne.uploads.map((line) => line.name)).toEqual([
        "Lost answer",
        "Split",
        "Upload 4",
        "Upload 3",
      ]);
      expect(pageOne.uploads[0]).toMatchObject({
        id: lost,
        source: "dashboard",
        recordedBy: { email: "staff@demo.local", name: "Demo Staff" },
        parts: [],
        sentParts: [
          {
            id: lost,
            state: "not_confirmed",
            reason: "The connection to the Recapture API failed before its answer arrived.",
          },
        ],
      });
      expect(pageOne.uploads[1]?.parts).toHaveLength(2);

      const pageTwo = await listRegisteredUploads({ page: 2, pageSize: 4 });
      expect(pageTwo.uploads.map((line) => line.id)).toEqual([lines[2], lines[1], lines[0]]);
      expect((await listRegisteredUploads({ page: 3, pageSize: 4 })).uploads).toEqual([]);
    });
  });
});
