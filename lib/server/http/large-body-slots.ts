import "server-only";
import { formatQuantity, formatWait } from "@/lib/format";
import { env } from "@/lib/server/env";
import { HttpError } from "./errors";
import { DEFAULT_MAX_BYTES } from "./read-json";

/** About how long a large upload takes to read, check and hand to the API. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A fixed number of places for requests with a body bigger than any form: each
 * holds its body, the objects parsed from it and the copy sent upstream, tens of
 * megabytes for a 50,000-customer upload, so a server takes only a few at once
 * and tells the rest when to come back instead of running out of memory.
 */
export function createBodySlots(size: number) {
  let taken = 0;
  return {
    size,
    /** A slot's release (safe to call twice), or undefined when all are taken. */
    take(): (() => void) | undefined {
      if (taken >= size) return undefined;
      taken += 1;
      let held = true;
      return () => {
        if (held) taken -= 1;
        held = false;
      };
    },
  };
}

export type BodySlots = ReturnType<typeof createBodySlots>;

// On globalThis so every route bundle shares this process's slots.
const holder = globalThis as typeof globalThis & { largeUploadSlots?: BodySlots };

/** This server's slots for uploads (LARGE_UPLOADS_AT_ONCE). */
export function largeUploadSlots(): BodySlots {
  holder.largeUploadSlots ??= createBodySlots(env().LARGE_UPLOADS_AT_ONCE);
  return holder.largeUploadSlots;
}

/**
 * For a request whose body may be larger than a form's (one without a length is
 * treated as large), takes a slot or throws 429 with `Retry-After`. Returns the
 * release, or undefined when the body is small and needs no slot.
 */
export function takeSlotForLargeBody(request: Request, slots: BodySlots): (() => void) | undefined {
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) <= DEFAULT_MAX_BYTES) return undefined;
  const release = slots.take();
  if (!release) {
    throw new HttpError(
      429,
      "server_busy",
      `The dashboard is already receiving ${formatQuantity(slots.size, "large upload")}. Try again in ${formatWait(RETRY_AFTER_SECONDS)}.`,
      undefined,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  return release;
}
