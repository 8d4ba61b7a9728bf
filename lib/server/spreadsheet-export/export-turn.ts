import "server-only";
import { randomUUID } from "node:crypto";
import { releaseLease, takeLease } from "@/lib/server/db/leases";

/**
 * One export of a kind at a time per person, so a double-click can't walk a whole list twice. The
 * turn is a lease in the database (every instance sees it), renewed as the file is written
 * and given up when it ends; one whose server died, or whose reader stopped reading, expires.
 */
const TURN_MS = 60_000;

export interface ExportTurn {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** `kind` names what is exported ("customers", "leads"): each has its own turn. */
export async function takeExportTurn(kind: string, userId: number): Promise<ExportTurn | undefined> {
  const name = `${kind}-export:${userId}`;
  const holder = randomUUID();
  if (!(await takeLease(name, holder, TURN_MS))) return undefined;
  return {
    renew: async () => {
      await takeLease(name, holder, TURN_MS);
    },
    release: () => releaseLease(name, holder),
  };
}
