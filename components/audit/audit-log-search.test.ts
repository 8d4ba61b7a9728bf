import { describe, expect, it } from "vitest";
import { auditLogHref, parseAuditLogPage } from "@/components/audit/audit-log-search";

describe("the audit log's URL", () => {
  it("shows 50 entries a page unless it asks for another size", () => {
    expect(parseAuditLogPage(new URLSearchParams(""))).toEqual({ page: 1, size: 50 });
    expect(parseAuditLogPage(new URLSearchParams("page=4&size=25"))).toEqual({ page: 4, size: 25 });
  });

  it("keeps the old links working: ?page=2 is the second page of 50", () => {
    expect(parseAuditLogPage(new URLSearchParams("page=2"))).toEqual({ page: 2, size: 50 });
    expect(auditLogHref({ page: 2, size: 50 })).toBe("/settings/audit?page=2");
  });

  it("links the first page plainly", () => {
    expect(auditLogHref({ page: 1, size: 50 })).toBe("/settings/audit");
    expect(auditLogHref({ page: 1, size: 100 })).toBe("/settings/audit?size=100");
  });
});
