import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditInput } from "@/lib/server/audit";
import { staff } from "@/lib/testing/emulator-harness";
import { auditedCustomerChange, customerAuditName, replacementAuditName } from "./customer-audit";

const audited = vi.hoisted(() => [] as AuditInput[]);
vi.mock("@/lib/server/audit", () => ({ audit: (entry: AuditInput) => void audited.push(entry) }));

beforeEach(() => {
  audited.length = 0;
});

const ID = "0000c339-1fb4-4d15-9b46-6509f2c5a2a4";

describe("how the audit log names a customer", () => {
  it("by rego and state, external id and id", () => {
    expect(
      customerAuditName({
        id: ID,
        rego: "ABC123",
        state: "VIC",
        vin: "1N4AL11D16N337720",
        external_id: "CUST-4821",
      }),
    ).toBe(`ABC123 (VIC) · external ID CUST-4821 · id ${ID}`);
  });

  it("by VIN when there is no rego, and only by id when nothing else is known", () => {
    expect(customerAuditName({ id: ID, rego: null, vin: "1N4AL11D16N337720", external_id: null })).toBe(
      `VIN 1N4AL11D16N337720 · id ${ID}`,
    );
    expect(customerAuditName({ id: ID })).toBe(`id ${ID}`);
    expect(customerAuditName({ rego: "ABC123" })).toBe("ABC123");
  });

  it("cuts each overlong part, so the id at the end is kept", () => {
    const name = customerAuditName({ id: ID, rego: "R".repeat(300), external_id: "E".repeat(300) });
    expect(name).toBe(`${"R".repeat(19)}… · external ID ${"E".repeat(99)}… · id ${ID}`);
    expect(name.length).toBeLessThanOrEqual(254);
    const replacement = replacementAuditName(
      { rego: "R".repeat(300), state: "S".repeat(300), external_id: "E".repeat(300) },
      { rego: "R".repeat(300), state: "S".repeat(300) },
    );
    expect(replacement.length).toBeLessThanOrEqual(254);
  });

  it("a replacement names the old and the new vehicle", () => {
    expect(
      replacementAuditName(
        { rego: "ABC123", state: "VIC", external_id: "C-1" },
        { vin: "JTDBR32E720123456" },
      ),
    ).toBe("ABC123 (VIC) → VIN JTDBR32E720123456 · external ID C-1");
  });
});

describe("a customer change, audited", () => {
  it("names the customer from the API's answer, which knows a VIN a rego lookup found", async () => {
    const answer = {
      customer: { id: ID, rego: "ABC123", state: "VIC", vin: "1N4AL11D16N337720", external_id: null },
    };
    await auditedCustomerChange(
      {
        user: staff,
        action: "customer.create",
        known: { rego: "ABC123", state: "VIC" },
        answered: (result) => result.customer,
      },
      async () => answer,
    );
    expect(audited).toEqual([
      { user: staff, action: "customer.create", target: `ABC123 (VIC) · id ${ID}`, outcome: "success" },
    ]);
  });

  it("on failure, names it by what was known before, with the reason, and rethrows", async () => {
    const failure = new Error("Invalid Customer ID");
    await expect(
      auditedCustomerChange(
        { user: staff, action: "customer.delete", known: { id: ID }, answered: () => undefined },
        () => Promise.reject(failure),
      ),
    ).rejects.toBe(failure);
    expect(audited).toEqual([
      {
        user: staff,
        action: "customer.delete",
        target: `id ${ID}`,
        outcome: "failure",
        detail: "Invalid Customer ID",
      },
    ]);
  });

  it("an answer that can't be read is named by the id", async () => {
    await auditedCustomerChange(
      { user: staff, action: "customer.delete", known: { id: ID }, answered: () => undefined },
      async () => ({ customer: { unreadable: true } }),
    );
    expect(audited[0]!.target).toBe(`id ${ID}`);
  });
});
