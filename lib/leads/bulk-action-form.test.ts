import { describe, expect, it } from "vitest";
import { bulkActionFromChoice } from "./bulk-action-form";

describe("the bulk actions' form", () => {
  it("assigns to an account or to nobody", () => {
    expect(bulkActionFromChoice({ kind: "assign", assignee: "7" })).toEqual({
      ok: true,
      action: { kind: "assign", userId: 7 },
    });
    expect(bulkActionFromChoice({ kind: "assign", assignee: "" })).toEqual({
      ok: true,
      action: { kind: "assign", userId: null },
    });
  });

  it("sets a status, asking a reason for Lost and a note for Other", () => {
    const status = { kind: "status" as const, lostReason: "" as const, note: "" };
    expect(bulkActionFromChoice({ ...status, status: "" })).toMatchObject({ ok: false, field: "status" });
    expect(bulkActionFromChoice({ ...status, status: "contacted" })).toEqual({
      ok: true,
      action: { kind: "status", status: "contacted", lostReason: null, note: null },
    });
    expect(bulkActionFromChoice({ ...status, status: "lost" })).toMatchObject({
      ok: false,
      field: "lostReason",
    });
    expect(bulkActionFromChoice({ ...status, status: "lost", lostReason: "other" })).toMatchObject({
      ok: false,
      field: "note",
      message: "Add a note saying why they were lost.",
    });
    expect(
      bulkActionFromChoice({ ...status, status: "lost", lostReason: "other", note: " Moved away " }),
    ).toEqual({
      ok: true,
      action: { kind: "status", status: "lost", lostReason: "other", note: "Moved away" },
    });
    expect(bulkActionFromChoice({ ...status, status: "won", note: "x".repeat(2_001) })).toMatchObject({
      ok: false,
      field: "note",
    });
  });
});
