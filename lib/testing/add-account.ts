import { spawnSync } from "node:child_process";
import type { Role } from "@/lib/auth/roles";

/**
 * Adds an account the way an administrator would, through `npm run users`, for a
 * dashboard that a test or a benchmark starts in live mode (where there are no
 * demo accounts). `env` is the dashboard's own, so the account lands in its database.
 */
export function addAccount(
  env: NodeJS.ProcessEnv,
  account: { email: string; password: string; role: Role },
): void {
  const added = spawnSync(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "scripts/users.ts",
      "add",
      "--email",
      account.email,
      "--role",
      account.role,
    ],
    { env, input: `${account.password}\n`, encoding: "utf8" },
  );
  if (added.status !== 0) throw new Error(`Could not add ${account.email}: ${added.stderr}`);
}
