import "server-only";
import type { NextRequest } from "next/server";
import { DomainError } from "@/lib/server/domain-error";
import { partIdSchema } from "@/lib/uploads/register-schemas";

/**
 * The part's own id from the `Idempotency-Key` header: the wizard makes one per
 * part and sends it with every attempt, so a retry is recognised. A caller
 * without one (a script) gets a fresh id, answered in the same header.
 */
export function partIdFrom(request: NextRequest): string {
  const key = request.headers.get("Idempotency-Key");
  if (key === null) return crypto.randomUUID();
  const parsed = partIdSchema.safeParse(key.trim());
  if (!parsed.success) {
    throw new DomainError("invalid", "invalid_idempotency_key", "The Idempotency-Key header must be a UUID.");
  }
  return parsed.data.toLowerCase();
}
