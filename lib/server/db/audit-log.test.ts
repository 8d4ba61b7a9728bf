import { afterEach, expect, it, vi } from "vitest";
import { audit, auditSummarised } from "@/lib/server/audit";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { listAuditEntries } from "./audit-log";

vi.stubEnv("AUDIT_RETENTION_DAYS", "30");
afterEach(() => {
  vi.useRealTimers();
});

const admin = { id: 1, email: "admin@dealer.test", name: null, role: "admin" as const };

describeEachEngine("audit log", () => {
  it("pages newest first, with the total", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let minute = 0; minute < 5; minute++) {
      vi.setSystemTime(new Date(Date.UTC(2025, 5, 15, 9, minute)));
      await audit({
        user: admin,
        action: "customer.delete",
        target: `customer-${minute}`,
        outcome: "success",
      });
    }
    const first = await listAuditEntries({ limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.entries.map((entry) => entry.target)).toEqual(["customer-4", "customer-3"]);
    expect((await listAuditEntries({ limit: 2, offset: 4 })).entries.map((entry) => entry.target)).toEqual([
      "customer-0",
    ]);
  });

  it("records who (nobody, for a failed sign-in), what, when and how it went", async () => {
    await audit({ user: null, action: "auth.sign_in", target: "someone@dealer.test", outcome: "failure" });
    const [entry] = (await listAuditEntries({ limit: 1, offset: 0 })).entries;
    expect(entry).toMatchObject({
      userId: null,
      userEmail: null,
      action: "auth.sign_in",
      target: "someone@dealer.test",
      outcome: "failure",
      detail: null,
      repeats: 1,
    });
    expect(Date.parse(entry!.at)).not.toBeNaN();
  });

  it("cuts every text short, however long the request's values were", async () => {
    const long = "x".repeat(900_000);
    await audit({
      user: { ...admin, email: long },
      action: long,
      target: long,
      outcome: "failure",
      detail: long,
    });
    await auditSummarised(
      { user: null, action: long, target: long, outcome: "failure", detail: long },
      { key: long, windowMs: 60_000 },
    );
    const { entries } = await listAuditEntries({ limit: 2, offset: 0 });
    for (const entry of entries) {
      expect(entry.action).toHaveLength(64);
      expect(entry.target).toHaveLength(254);
      expect(entry.detail).toHaveLength(500);
      expect(entry.detail!.endsWith("…")).toBe(true);
    }
    expect(entries.find((entry) => entry.userEmail)!.userEmail).toHaveLength(254);
  });

  it("counts a burst of like events into one row per group and window, showing the latest", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const failedSignIn = (address: string, email: string) =>
      auditSummarised(
        { user: null, action: "auth.sign_in", target: address, outcome: "failure", detail: `as ${email}` },
        { key: `failed sign-ins from ${address}`, windowMs: 15 * 60_000 },
      );
    vi.setSystemTime(new Date(Date.UTC(2025, 5, 15, 9, 0)));
    // At once, as a storm arrives: still one row, counting every attempt.
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => failedSignIn("203.0.113.9", `guess-${i}@dealer.test`)),
    );
    await failedSignIn("198.51.100.7", "sam@dealer.test");
    vi.setSystemTime(new Date(Date.UTC(2025, 5, 15, 9, 14)));
    await failedSignIn("203.0.113.9", "last@dealer.test");

    let { entries, total } = await listAuditEntries({ limit: 10, offset: 0 });
    expect(total).toBe(2);
    expect(entries[0]).toMatchObject({
      at: "2025-06-15T09:14:00.000Z",
      target: "203.0.113.9",
      detail: "as last@dealer.test",
      repeats: 301,
    });
    expect(entries[1]).toMatchObject({ target: "198.51.100.7", repeats: 1 });

    // The next window starts a new row.
    vi.setSystemTime(new Date(Date.UTC(2025, 5, 15, 9, 15)));
    await failedSignIn("203.0.113.9", "later@dealer.test");
    ({ entries, total } = await listAuditEntries({ limit: 10, offset: 0 }));
    expect(total).toBe(3);
    expect(entries[0]).toMatchObject({ detail: "as later@dealer.test", repeats: 1 });
  });

  it("deletes entries older than AUDIT_RETENTION_DAYS as it writes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 12));
    for (const n of [0, 20]) {
      vi.setSystemTime(day(n));
      await audit({ user: admin, action: "customer.delete", target: `day-${n}`, outcome: "success" });
    }
    vi.setSystemTime(day(30));
    await audit({ user: admin, action: "customer.delete", target: "day-30", outcome: "success" });
    expect((await listAuditEntries({ limit: 10, offset: 0 })).total).toBe(3);
    vi.setSystemTime(day(31));
    await auditSummarised(
      { user: null, action: "auth.sign_in", target: "203.0.113.9", outcome: "failure" },
      { key: "failed sign-ins from 203.0.113.9", windowMs: 60_000 },
    );
    const targets = (await listAuditEntries({ limit: 10, offset: 0 })).entries.map((entry) => entry.target);
    expect(targets).toEqual(["203.0.113.9", "day-30", "day-20"]);
  });
});
