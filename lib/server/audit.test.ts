import { expect, it } from "vitest";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { HttpError, type SessionUser } from "@/lib/server/http";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { audited } from "./audit";

const staff: SessionUser = { id: 1, email: "staff@demo.local", name: "Staff", role: "staff" } as SessionUser;

describeEachEngine("audited", () => {
  it("records a success and returns the result", async () => {
    await expect(audited(staff, "customer.delete", "id-1", async () => "done")).resolves.toBe("done");
    expect((await listAuditEntries({ limit: 10, offset: 0 })).entries[0]).toMatchObject({
      action: "customer.delete",
      target: "id-1",
      outcome: "success",
      userEmail: "staff@demo.local",
    });
  });

  it("records a failure with its message and rethrows it", async () => {
    const failure = new HttpError(404, "not_found", "Invalid Customer ID");
    await expect(audited(staff, "customer.update", "id-2", () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect((await listAuditEntries({ limit: 10, offset: 0 })).entries[0]).toMatchObject({
      action: "customer.update",
      outcome: "failure",
      detail: "Invalid Customer ID",
    });
  });
});
