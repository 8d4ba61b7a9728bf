import { afterEach, describe, expect, it, vi } from "vitest";
import { audit } from "@/lib/server/http/audit";
import { closeDatabase } from "./index";
import { listAuditEntries } from "./audit-log";

vi.stubEnv("DATABASE_URL", ":memory:");
afterEach(() => {
  closeDatabase();
  vi.useRealTimers();
});

const admin = { id: 1, email: "admin@dealer.test", name: null, role: "admin" as const };

describe("audit log", () => {
  it("pages newest first, with the total", () => {
    vi.useFakeTimers();
    for (let minute = 0; minute < 5; minute++) {
      vi.setSystemTime(new Date(Date.UTC(2025, 5, 15, 9, minute)));
      audit({ user: admin, action: "customer.delete", target: `customer-${minute}`, outcome: "success" });
    }
    const first = listAuditEntries({ limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.entries.map((entry) => entry.target)).toEqual(["customer-4", "customer-3"]);
    expect(listAuditEntries({ limit: 2, offset: 4 }).entries.map((entry) => entry.target)).toEqual([
      "customer-0",
    ]);
  });

  it("records who (nobody, for a failed sign-in), what, when and how it went, cutting a long detail short", () => {
    audit({
      user: null,
      action: "auth.sign_in",
      target: "someone@dealer.test",
      outcome: "failure",
      detail: "x".repeat(600),
    });
    const [entry] = listAuditEntries({ limit: 1, offset: 0 }).entries;
    expect(entry).toMatchObject({
      userId: null,
      userEmail: null,
      action: "auth.sign_in",
      target: "someone@dealer.test",
      outcome: "failure",
    });
    expect(entry!.detail).toHaveLength(500);
    expect(Date.parse(entry!.at)).not.toBeNaN();
  });
});
