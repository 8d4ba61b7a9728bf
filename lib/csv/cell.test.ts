import { describe, expect, it } from "vitest";
import { trimmed } from "@/lib/csv/cell";

describe("trimmed", () => {
  it("is trim(), skipping the call for cells with printable ASCII at both ends", () => {
    for (const cell of [
      "",
      "Jo Smith",
      " Jo ",
      "\tx\r\n",
      "\u00a0Brunswick\u00a0",
      "\ufeffRego",
      "José",
      "Müller ",
      "\u3000",
    ]) {
      expect(trimmed(cell)).toBe(cell.trim());
    }
    expect(trimmed(undefined)).toBeUndefined();
  });
});
