import { describe, expect, it } from "vitest";
import {
  canWork,
  decideAssignment,
  decideNote,
  decideStatusChange,
  nextStatuses,
  NOTE_MAX_LENGTH,
  type WorkedLead,
} from "./lead-work";

const SAM = { id: 3, role: "staff" as const };
const PRIYA = { id: 4, role: "staff" as const };
const MAYA = { id: 2, role: "manager" as const };
const VIC = { id: 5, role: "viewer" as const };
const fresh: WorkedLead = { status: "new", assigneeUserId: null, firstContactedAt: null };
const samsLead: WorkedLead = { ...fresh, assigneeUserId: SAM.id };

describe("who works a lead", () => {
  it("lets staff work leads of theirs or of nobody, managers every lead, viewers none", () => {
    expect(canWork(SAM, fresh)).toBe(true);
    expect(canWork(SAM, samsLead)).toBe(true);
    expect(canWork(PRIYA, samsLead)).toBe(false);
    expect(canWork(MAYA, samsLead)).toBe(true);
    expect(canWork(VIC, fresh)).toBe(false);
    expect(decideNote(PRIYA, samsLead, "Called")).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(decideStatusChange(VIC, fresh, { status: "contacted" })).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
  });
});

describe("status", () => {
  it("offers the later steps, Lost and Dismissed while open; nothing to staff once closed; reopening to managers", () => {
    expect(nextStatuses(SAM, fresh)).toEqual(["contacted", "appointment", "won", "lost", "dismissed"]);
    expect(nextStatuses(SAM, { ...fresh, status: "appointment" })).toEqual(["won", "lost", "dismissed"]);
    expect(nextStatuses(SAM, { ...fresh, status: "won" })).toEqual([]);
    expect(nextStatuses(MAYA, { ...fresh, status: "lost" })).toEqual(["new", "contacted", "appointment"]);
    expect(nextStatuses(VIC, fresh)).toEqual([]);
  });

  it("refuses going back, the same status, and reopening by staff", () => {
    const contacted = { ...samsLead, status: "contacted" as const };
    expect(decideStatusChange(SAM, contacted, { status: "new" })).toMatchObject({
      refusal: { code: "not_allowed" },
    });
    expect(decideStatusChange(SAM, contacted, { status: "contacted" })).toMatchObject({
      refusal: { code: "unchanged", message: "It is already Contacted." },
    });
    expect(decideStatusChange(SAM, { ...samsLead, status: "won" }, { status: "contacted" })).toMatchObject({
      refusal: { code: "not_allowed", message: "It is Won: only a manager can reopen it." },
    });
    expect(decideStatusChange(MAYA, { ...samsLead, status: "won" }, { status: "contacted" }).ok).toBe(true);
  });

  it("asks a reason for Lost, and a note for the reason Other", () => {
    expect(decideStatusChange(SAM, fresh, { status: "lost" })).toMatchObject({
      refusal: { code: "invalid" },
    });
    expect(decideStatusChange(SAM, fresh, { status: "lost", lostReason: "other", note: "  " })).toMatchObject(
      {
        refusal: { code: "invalid" },
      },
    );
    expect(
      decideStatusChange(SAM, fresh, { status: "lost", lostReason: "other", note: " Moved overseas " }),
    ).toMatchObject({ ok: true, write: { status: "lost", lostReason: "other", note: "Moved overseas" } });
    // A reason given with another status is not kept.
    expect(decideStatusChange(SAM, fresh, { status: "contacted", lostReason: "other" })).toMatchObject({
      write: { lostReason: null },
    });
  });

  it("records first contact once, and not for Dismissed or Lost as couldn't reach", () => {
    const first = (lead: WorkedLead, status: "contacted" | "won" | "dismissed") =>
      decideStatusChange(MAYA, lead, { status });
    expect(first(fresh, "contacted")).toMatchObject({ write: { firstContacted: true } });
    expect(first(fresh, "won")).toMatchObject({ write: { firstContacted: true } });
    expect(first(fresh, "dismissed")).toMatchObject({ write: { firstContacted: false } });
    expect(decideStatusChange(SAM, fresh, { status: "lost", lostReason: "unreachable" })).toMatchObject({
      write: { firstContacted: false },
    });
    expect(decideStatusChange(SAM, fresh, { status: "lost", lostReason: "not_interested" })).toMatchObject({
      write: { firstContacted: true },
    });
    const contacted: WorkedLead = { ...fresh, status: "contacted", firstContactedAt: "2026-12-01T00:00:00Z" };
    expect(first(contacted, "won")).toMatchObject({ write: { firstContacted: false } });
  });

  it("has staff take a lead of nobody's by working it; a manager working it doesn't take it", () => {
    expect(decideStatusChange(SAM, fresh, { status: "contacted" })).toMatchObject({ write: { takes: true } });
    expect(decideStatusChange(SAM, samsLead, { status: "contacted" })).toMatchObject({
      write: { takes: false },
    });
    expect(decideStatusChange(MAYA, fresh, { status: "contacted" })).toMatchObject({
      write: { takes: false },
    });
  });
});

describe("assignment", () => {
  const active = (id: number, role: "staff" | "viewer" = "staff") => ({ id, role, disabled: false });

  it("lets managers assign to active staff and above, or nobody", () => {
    expect(decideAssignment(MAYA, fresh, SAM.id, active(SAM.id))).toEqual({
      ok: true,
      write: { assigneeUserId: SAM.id },
    });
    expect(decideAssignment(MAYA, samsLead, null, undefined)).toMatchObject({ ok: true });
    expect(decideAssignment(MAYA, fresh, VIC.id, active(VIC.id, "viewer"))).toMatchObject({
      refusal: { code: "invalid" },
    });
    expect(decideAssignment(MAYA, fresh, 99, undefined)).toMatchObject({ refusal: { code: "invalid" } });
    expect(decideAssignment(MAYA, fresh, SAM.id, { ...active(SAM.id), disabled: true })).toMatchObject({
      refusal: { code: "invalid" },
    });
    expect(decideAssignment(MAYA, samsLead, SAM.id, active(SAM.id))).toMatchObject({
      refusal: { code: "unchanged" },
    });
  });

  it("lets staff take a lead of nobody's or hand back theirs, and nothing else", () => {
    expect(decideAssignment(SAM, fresh, SAM.id, active(SAM.id)).ok).toBe(true);
    expect(decideAssignment(SAM, samsLead, null, undefined).ok).toBe(true);
    expect(decideAssignment(SAM, fresh, PRIYA.id, active(PRIYA.id))).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideAssignment(PRIYA, samsLead, PRIYA.id, active(PRIYA.id))).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideAssignment(VIC, fresh, null, undefined)).toMatchObject({ refusal: { code: "forbidden" } });
  });
});

describe("notes", () => {
  it("are trimmed, not empty and at most 2,000 characters", () => {
    expect(decideNote(SAM, fresh, "  Left a message ")).toEqual({ ok: true, write: "Left a message" });
    expect(decideNote(SAM, fresh, " ")).toMatchObject({ refusal: { code: "invalid" } });
    expect(decideNote(SAM, fresh, "x".repeat(NOTE_MAX_LENGTH)).ok).toBe(true);
    expect(decideNote(SAM, fresh, "x".repeat(NOTE_MAX_LENGTH + 1))).toMatchObject({
      refusal: { code: "invalid", message: "A note can be at most 2,000 characters." },
    });
  });
});
