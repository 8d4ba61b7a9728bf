import { describe, expect, it } from "vitest";
import { createBodySlots, takeSlotForLargeBody } from "./large-body-slots";

const upload = (headers: Record<string, string>) =>
  new Request("http://localhost/api/recapture/upload", { method: "POST", headers });

describe("takeSlotForLargeBody", () => {
  it("lets a few large bodies in at a time and tells the next when to come back", () => {
    const slots = createBodySlots(2);
    const large = { "content-length": String(12 * 1024 * 1024) };
    const first = takeSlotForLargeBody(upload(large), slots);
    const second = takeSlotForLargeBody(upload(large), slots);
    expect(first).toBeTypeOf("function");
    expect(second).toBeTypeOf("function");
    let refused: unknown;
    try {
      takeSlotForLargeBody(upload(large), slots);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      status: 429,
      retryAfterSeconds: 5,
      message: "The dashboard is already receiving 2 large uploads. Try again in 5 seconds.",
    });
    first!();
    first!();
    expect(takeSlotForLargeBody(upload(large), slots)).toBeTypeOf("function");
    expect(() => takeSlotForLargeBody(upload(large), slots)).toThrow();
  });

  it("needs no slot for a body a form could send, and counts one of unknown length as large", () => {
    const slots = createBodySlots(1);
    expect(takeSlotForLargeBody(upload({ "content-length": "2000" }), slots)).toBeUndefined();
    expect(takeSlotForLargeBody(upload({}), slots)).toBeTypeOf("function");
    expect(() => takeSlotForLargeBody(upload({}), slots)).toThrow();
  });
});
