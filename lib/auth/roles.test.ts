import { describe, expect, it } from "vitest";
import { hasRole, ROLES } from "./roles";
import { roleSchema } from "./schemas";

describe("roles", () => {
  it("put the manager between staff and admin", () => {
    expect(ROLES).toEqual(["viewer", "staff", "manager", "admin"]);
    expect(hasRole("manager", "staff")).toBe(true);
    expect(hasRole("manager", "manager")).toBe(true);
    expect(hasRole("manager", "admin")).toBe(false);
    expect(hasRole("admin", "manager")).toBe(true);
    expect(hasRole("staff", "manager")).toBe(false);
    expect(hasRole("viewer", "staff")).toBe(false);
  });

  it("are what an account's role may be", () => {
    expect(roleSchema.parse("manager")).toBe("manager");
    expect(roleSchema.safeParse("owner").success).toBe(false);
  });
});
