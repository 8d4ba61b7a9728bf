import "server-only";
import { audit, type SessionUser } from "@/lib/server/http";

/** Helpers shared by the route handlers under app/api/recapture, which mirror the upstream API. */

/** Runs one upstream mutation and writes its outcome to the audit log either way. */
export async function audited<T>(
  user: SessionUser,
  action: string,
  target: string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    const result = await call();
    audit({ user, action, target, outcome: "success" });
    return result;
  } catch (error) {
    audit({
      user,
      action,
      target,
      outcome: "failure",
      detail: error instanceof Error ? error.message : undefined,
    });
    throw error;
  }
}
