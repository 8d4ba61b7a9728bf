import { describe, expect, it } from "vitest";
import type { IndexStatus } from "@/lib/customer-index/index-status";
import { indexStatusLine } from "./index-status-line";

const now = new Date("2024-06-15T04:00:00.000Z"); // 14:00 in Melbourne
const zone = "Australia/Melbourne";
const ready: IndexStatus = {
  region: "au",
  customers: 23_412,
  ready: true,
  upToDateAt: "2024-06-15T04:05:00.000Z",
  progress: null,
  failure: null,
  requested: false,
};

describe("indexStatusLine", () => {
  it("says how many customers and since when, the time alone today", () => {
    expect(indexStatusLine(ready, zone, now)).toEqual({
      tone: "normal",
      text: "23,412 customers, up to date at 14:05",
    });
  });

  it("gives the date when the index was last complete on another day", () => {
    expect(indexStatusLine({ ...ready, upToDateAt: "2024-06-13T23:30:00.000Z" }, zone, now).text).toBe(
      "23,412 customers, up to date at 14/06/2024 09:30",
    );
  });

  it("shows a first pass's progress", () => {
    const first = {
      ...ready,
      ready: false,
      upToDateAt: null,
      customers: 12_000,
      progress: { done: 12_000, total: 23_412 },
    };
    expect(indexStatusLine(first, zone, now)).toEqual({
      tone: "busy",
      text: "Indexing 12,000 of 23,412",
      progress: { done: 12_000, total: 23_412 },
    });
  });

  it("keeps the last complete index in front while a later pass runs, or once one is asked for", () => {
    expect(indexStatusLine({ ...ready, progress: { done: 500, total: 23_412 } }, zone, now).text).toBe(
      "23,412 customers, up to date at 14:05; updating now.",
    );
    expect(indexStatusLine({ ...ready, requested: true }, zone, now).text).toBe(
      "23,412 customers, up to date at 14:05; a sync starts shortly.",
    );
  });

  it("says what went wrong and when it tries again", () => {
    const failed = {
      ...ready,
      failure: {
        message: "The Recapture API had a problem. Please try again.",
        at: "2024-06-15T04:10:00.000Z",
        retryAt: "2024-06-15T04:20:00.000Z",
      },
    };
    expect(indexStatusLine(failed, zone, now)).toEqual({
      tone: "failed",
      text: "23,412 customers, up to date at 14:05. The last sync failed: The Recapture API had a problem. Please try again. Trying again at 14:20.",
    });
    expect(indexStatusLine({ ...failed, ready: false, upToDateAt: null }, zone, now).text).toBe(
      "The last sync failed: The Recapture API had a problem. Please try again. Trying again at 14:20.",
    );
  });

  it("says the index is about to be built before any pass", () => {
    expect(indexStatusLine({ ...ready, ready: false, upToDateAt: null, customers: 0 }, zone, now).text).toBe(
      "The customer index is about to be built.",
    );
  });
});
