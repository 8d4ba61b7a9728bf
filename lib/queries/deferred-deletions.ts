/**
 * Deletes that wait before they are sent, so they can be undone (react-admin's
 * "undoable" mode): each is held for `delayMs`, then sent; undone before then,
 * it is never sent. While it waits or is being sent, its record is "hidden",
 * so every view leaves it out at once and shows it again on undo or failure.
 * Pure timing and bookkeeping: what a send does is the caller's.
 */

/** Sends one delete and settles once it has been handled; it reports its own failures, so it never rejects. */
export type SendDelete = () => Promise<void>;

export interface DeferredDeletions {
  /** Holds a delete for the undo time; false (and nothing changes) when that record's delete is already under way. */
  schedule(key: string, send: SendDelete): boolean;
  /** Cancels a waiting delete; false when it is no longer waiting (already sent, or never scheduled). */
  undo(key: string): boolean;
  /** Sends a waiting delete without waiting out its time (its notice was closed). */
  sendNow(key: string): Promise<void>;
  /** Sends every waiting delete at once: the page is closing, or its session is about to end. */
  sendAll(): Promise<void>;
  /** The records waiting or being sent, as one set that changes identity only when its contents do. */
  hidden(): ReadonlySet<string>;
  subscribe(listener: () => void): () => void;
}

export function createDeferredDeletions({ delayMs }: { delayMs: number }): DeferredDeletions {
  const waiting = new Map<string, { send: SendDelete; timer: ReturnType<typeof setTimeout> }>();
  const sending = new Set<string>();
  const listeners = new Set<() => void>();
  let hidden: ReadonlySet<string> = new Set();

  function changed() {
    hidden = new Set([...waiting.keys(), ...sending]);
    for (const listener of listeners) listener();
  }

  async function sendNow(key: string): Promise<void> {
    const entry = waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(key);
    sending.add(key);
    changed();
    try {
      await entry.send();
    } finally {
      sending.delete(key);
      changed();
    }
  }

  return {
    schedule(key, send) {
      if (waiting.has(key) || sending.has(key)) return false;
      waiting.set(key, { send, timer: setTimeout(() => void sendNow(key), delayMs) });
      changed();
      return true;
    },
    undo(key) {
      const entry = waiting.get(key);
      if (!entry) return false;
      clearTimeout(entry.timer);
      waiting.delete(key);
      changed();
      return true;
    },
    sendNow,
    async sendAll() {
      await Promise.all([...waiting.keys()].map(sendNow));
    },
    hidden: () => hidden,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
