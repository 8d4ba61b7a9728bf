import "server-only";
import { DomainError } from "@/lib/server/domain-error";

/** Said when the queue turns a password check away: nothing was checked, so the person may simply try again. */
export class HashingBusyError extends DomainError {
  constructor() {
    super("busy", "busy", "Signing in is busy right now. Try again in a moment.", {
      retryAfterSeconds: 1,
    });
  }
}

interface Waiter {
  start: () => void;
  refuse: (error: Error) => void;
}

/**
 * Runs password hashes a few at a time. Each scrypt takes about 0.1 s of a
 * core and 32 MiB, so a storm of sign-ins hashed all at once makes everyone,
 * the real user included, wait for all of them.
 *
 * At most `concurrency` run; up to `maxWaiting` more wait their turn in order.
 * When the line is full, the one that has waited longest is turned away
 * (HashingBusyError), not the newcomer: the line then always holds the latest
 * arrivals, so a burst that arrived first cannot keep someone who just pressed
 * "Sign in" waiting longer than a line's worth of hashing.
 */
export class HashingQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await this.turn();
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer can't slip in between.
      if (next) next.start();
      else this.running--;
    }
  }

  private turn(): Promise<void> {
    if (this.waiting.length >= this.maxWaiting) {
      const longest = this.waiting.shift();
      // With no line at all, the newcomer is the one turned away.
      if (!longest) return Promise.reject(new HashingBusyError());
      longest.refuse(new HashingBusyError());
    }
    return new Promise((start, refuse) => this.waiting.push({ start: () => start(), refuse }));
  }
}
