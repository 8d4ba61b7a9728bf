import { describe, expect, it } from "vitest";
import { asHttpError } from "@/lib/server/http/errors";
import { HashingBusyError, HashingQueue } from "./hashing-queue";

/** A task that finishes when told to, recording how many ran at once. */
function gate(log: { running: number; most: number }) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const task = async () => {
    log.running++;
    log.most = Math.max(log.most, log.running);
    await opened;
    log.running--;
    return "done";
  };
  return { task, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("HashingQueue", () => {
  it("runs no more than its concurrency at once, the rest in the order they came", async () => {
    const queue = new HashingQueue(2, 10);
    const log = { running: 0, most: 0 };
    const gates = Array.from({ length: 6 }, () => gate(log));
    const finished: number[] = [];
    const runs = gates.map(({ task }, i) => queue.run(task).then(() => finished.push(i)));
    await settle();
    expect(log.running).toBe(2);
    for (const { open } of [...gates].reverse()) open();
    await Promise.all(runs);
    expect(log.most).toBe(2);
    // Gates opened last-first, yet the waiting ones only started, and so finished, in turn.
    expect(finished.slice(2)).toEqual([2, 3, 4, 5]);
  });

  it("when its line is full, turns away the one that has waited longest, not the newcomer", async () => {
    const queue = new HashingQueue(1, 2);
    const log = { running: 0, most: 0 };
    const [running, first, second, newcomer] = Array.from({ length: 4 }, () => gate(log));
    const outcomes = [running!, first!, second!, newcomer!].map(({ task }) =>
      queue.run(task).then(
        (value) => value,
        (error: unknown) => error,
      ),
    );
    await settle();
    for (const { open } of [running!, first!, second!, newcomer!]) open();
    const [ran, refused, ...rest] = await Promise.all(outcomes);
    expect(ran).toBe("done");
    expect(refused).toBeInstanceOf(HashingBusyError);
    expect(asHttpError(refused)).toMatchObject({ status: 429, code: "busy", retryAfterSeconds: 1 });
    expect(rest).toEqual(["done", "done"]);
  });

  it("frees its slot when a task fails", async () => {
    const queue = new HashingQueue(1, 1);
    await expect(queue.run(() => Promise.reject(new Error("scrypt failed")))).rejects.toThrow(
      "scrypt failed",
    );
    await expect(queue.run(async () => "next")).resolves.toBe("next");
  });

  it("with no line, turns the newcomer away while one runs", async () => {
    const queue = new HashingQueue(1, 0);
    const log = { running: 0, most: 0 };
    const running = gate(log);
    const first = queue.run(running.task);
    await expect(queue.run(async () => "second")).rejects.toBeInstanceOf(HashingBusyError);
    running.open();
    await expect(first).resolves.toBe("done");
  });
});
