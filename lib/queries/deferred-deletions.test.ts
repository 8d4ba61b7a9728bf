import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDeferredDeletions } from "./deferred-deletions";

const UNDO_MS = 10_000;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A send that records when it ran and stays open until `finish` is called. */
function heldSend() {
  let finish!: () => void;
  const send = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  return { send, finish: () => finish() };
}

describe("a deferred delete", () => {
  it("is sent when its 10 seconds are up, not a moment before", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const send = vi.fn(async () => {});
    deletions.schedule("a", send);
    await vi.advanceTimersByTimeAsync(UNDO_MS - 1);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("undone within the time is never sent", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const send = vi.fn(async () => {});
    deletions.schedule("a", send);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(deletions.undo("a")).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).not.toHaveBeenCalled();
    expect(deletions.hidden().has("a")).toBe(false);
  });

  it("can't be undone once it has been sent", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const { send, finish } = heldSend();
    deletions.schedule("a", send);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(deletions.undo("a")).toBe(false);
    finish();
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("hides its record from view until the send has settled, then shows it again if it is still there", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const seen: boolean[] = [];
    deletions.subscribe(() => seen.push(deletions.hidden().has("a")));
    const { send, finish } = heldSend();
    deletions.schedule("a", send);
    expect(deletions.hidden().has("a")).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(deletions.hidden().has("a")).toBe(true);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(deletions.hidden().has("a")).toBe(false);
    expect(seen).toEqual([true, true, false]);
  });

  it("is sent at once when its notice is closed, and only once", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const send = vi.fn(async () => {});
    deletions.schedule("a", send);
    await vi.advanceTimersByTimeAsync(2_000);
    await deletions.sendNow("a");
    expect(send).toHaveBeenCalledTimes(1);
    await deletions.sendNow("a");
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("a second delete of the same record while the first is under way is refused", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const first = vi.fn(async () => {});
    const second = vi.fn(async () => {});
    expect(deletions.schedule("a", first)).toBe(true);
    expect(deletions.schedule("a", second)).toBe(false);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  it("as the page closes, every waiting delete is sent at once and none later", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const sends = { a: vi.fn(async () => {}), b: vi.fn(async () => {}), c: vi.fn(async () => {}) };
    deletions.schedule("a", sends.a);
    await vi.advanceTimersByTimeAsync(4_000);
    deletions.schedule("b", sends.b);
    deletions.schedule("c", sends.c);
    deletions.undo("c");
    await deletions.sendAll();
    expect(sends.a).toHaveBeenCalledTimes(1);
    expect(sends.b).toHaveBeenCalledTimes(1);
    expect(sends.c).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(sends.a).toHaveBeenCalledTimes(1);
    expect(sends.b).toHaveBeenCalledTimes(1);
  });

  it("each record keeps its own time", async () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const sends = { a: vi.fn(async () => {}), b: vi.fn(async () => {}) };
    deletions.schedule("a", sends.a);
    await vi.advanceTimersByTimeAsync(6_000);
    deletions.schedule("b", sends.b);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sends.a).toHaveBeenCalledTimes(1);
    expect(sends.b).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(sends.b).toHaveBeenCalledTimes(1);
  });

  it("keeps the same hidden set between changes, so a view re-renders only when it changes", () => {
    const deletions = createDeferredDeletions({ delayMs: UNDO_MS });
    const before = deletions.hidden();
    expect(deletions.hidden()).toBe(before);
    deletions.schedule("a", async () => {});
    expect(deletions.hidden()).not.toBe(before);
    expect(deletions.hidden()).toBe(deletions.hidden());
  });
});
