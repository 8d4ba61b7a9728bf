import { describe, expect, it } from "vitest";
import { newPartId } from "./part-id";
import { partIdSchema } from "./register-schemas";

describe("newPartId", () => {
  it("makes distinct version 4 UUIDs the register accepts", () => {
    const ids = Array.from({ length: 1_000 }, newPartId);
    expect(new Set(ids).size).toBe(1_000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(partIdSchema.safeParse(id).success).toBe(true);
    }
  });
});
