import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Upload } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { closeDatabase } from "@/lib/server/db";
import {
  findNotSentFile,
  findRegisteredUpload,
  listRegisteredUploads,
  recordBatch,
  recordCancellation,
  recordDemoUploads,
  recordProgress,
  recordUpload,
} from "./register";

vi.stubEnv("DATABASE_URL", ":memory:");

const staff: SessionUser = { id: 2, email: "staff@demo.local", name: "Demo Staff", role: "staff" };
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

beforeEach(() => closeDatabase());

describe("recordUpload", () => {
  it("keeps who sent it, where, and the counters the API answered", () => {
    const queued = upload();
    const registered = sent(queued);
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
    });
  });

  it("tracking an upload already registered keeps its history and refreshes its counters", () => {
    const queued = upload();
    sent(queued);
    const tracked = recordUpload(
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
  it("records the emulator's demo uploads as history: by nobody, when each was created", () => {
    const older = upload({ name: "June 2026 Service Customers", created_at: "2026-06-03T01:00:00.000Z" });
    const newer = upload({ name: "September 2026 Fleet Customers", created_at: "2026-09-10T01:00:00.000Z" });
    const mine = upload({ created_at: "2026-11-28T09:00:00.000Z" });
    sent(mine, new Date("2026-11-28T09:00:00.000Z"));
    recordDemoUploads([older, newer], "au", minute(5));
    recordDemoUploads([older, newer], "au", minute(6));

    const { total, uploads } = listRegisteredUploads({ page: 1, pageSize: 25 });
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
    expect(findRegisteredUpload(older.id)?.parts[0]?.checkedAt).toBe(minute(6).toISOString());
  });
});

describe("recordProgress and recordCancellation", () => {
  it("stores the latest counters and when they were read", () => {
    const queued = upload();
    sent(queued);
    recordProgress({ ...queued, total_processed_customers: 2_400, total_errors: 3 }, minute(2));
    expect(findRegisteredUpload(queued.id)?.parts[0]).toMatchObject({
      totalProcessed: 2_400,
      totalErrors: 3,
      checkedAt: minute(2).toISOString(),
    });
  });

  it("never takes the counters back when an older answer arrives late", () => {
    const queued = upload();
    sent(queued);
    recordProgress({ ...queued, total_processed_customers: 3_000, total_errors: 2 }, minute(2));
    recordProgress({ ...queued, total_processed_customers: 2_900, total_errors: 1 }, minute(3));
    expect(findRegisteredUpload(queued.id)?.parts[0]).toMatchObject({
      totalProcessed: 3_000,
      totalErrors: 2,
    });
  });

  it("ignores uploads that aren't registered", () => {
    recordProgress(upload());
    expect(listRegisteredUploads({ page: 1, pageSize: 20 }).total).toBe(0);
  });

  it("records who cancelled and the numbers at that moment, keeping the first cancellation", () => {
    const queued = upload();
    sent(queued);
    recordCancellation({ ...queued, total_processed_customers: 1_700 }, staff, minute(3));
    recordCancellation({ ...queued, total_processed_customers: 1_750 }, admin, minute(4));
    expect(findRegisteredUpload(queued.id)?.parts[0]).toMatchObject({
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
    uploadIds: ids,
  });

  it("joins the parts into one line with the file's counts, found from any part", () => {
    const [first, second] = parts();
    sent(first!);
    sent(second!, minute(1));
    const recorded = recordBatch(batchOf([first!.id, second!.id]));
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
    expect(findRegisteredUpload(second!.id)).toEqual(recorded);
    expect(findNotSentFile(second!.id)).toEqual({
      fileName: "trade-ins.csv",
      csv: "rego,state,problem\nABC,ZZ,Unknown state\n",
    });
  });

  it("returns the same line when the wizard sends the batch again", () => {
    const [first, second] = parts();
    sent(first!);
    sent(second!);
    const recorded = recordBatch(batchOf([first!.id, second!.id]));
    expect(recordBatch(batchOf([first!.id, second!.id]))).toEqual(recorded);
    expect(listRegisteredUploads({ page: 1, pageSize: 20 }).total).toBe(1);
  });

  it("refuses parts it doesn't know, parts of another file, and counts that don't match", () => {
    const [first, second] = parts();
    sent(first!);
    expect(() => recordBatch(batchOf([first!.id, second!.id]))).toThrow(/isn't in the register/);
    sent(second!);
    expect(() =>
      recordBatch({ ...batchOf([first!.id, second!.id]), sent: 6_000, rowsInFile: 6_010 }),
    ).toThrow(/hold 6200 customers/);
    recordBatch({ ...batchOf([first!.id]), sent: 5_000, rowsInFile: 5_010 });
    expect(() => recordBatch(batchOf([first!.id, second!.id]))).toThrow(/already recorded/);
  });

  it("has no file of rows not sent for a standalone upload", () => {
    const queued = upload();
    sent(queued);
    expect(findNotSentFile(queued.id)).toBeUndefined();
  });
});

describe("listRegisteredUploads", () => {
  it("lists a line per file or standalone upload, newest first, a page at a time", () => {
    const lines: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const single = upload({ name: `Upload ${n}` });
      sent(single, minute(n));
      lines.push(single.id);
    }
    const [first, second] = [upload(), upload({ total_uploaded_customers: 100 })];
    sent(first!, minute(10));
    sent(second!, minute(11));
    recordBatch({
      name: "Split",
      fileName: "split.csv",
      rowsInFile: 5_100,
      sent: 5_100,
      notSent: 0,
      uploadIds: [first!.id, second!.id],
    });

    const pageOne = listRegisteredUploads({ page: 1, pageSize: 4 });
    expect(pageOne.total).toBe(6);
    expect(pageOne.uploads.map((line) => line.name)).toEqual(["Split", "Upload 4", "Upload 3", "Upload 2"]);
    expect(pageOne.uploads[0]?.parts).toHaveLength(2);

    const pageTwo = listRegisteredUploads({ page: 2, pageSize: 4 });
    expect(pageTwo.uploads.map((line) => line.id)).toEqual([lines[1], lines[0]]);
    expect(listRegisteredUploads({ page: 3, pageSize: 4 }).uploads).toEqual([]);
  });
});
