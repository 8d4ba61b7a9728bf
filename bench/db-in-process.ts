/**
 * The in-process half of `npm run bench:db`: the database work the dashboard does most often,
 * called directly (no HTTP) on the database DATABASE_URL names, many calls at once as concurrent
 * requests make them. bench/db.ts runs it once per engine, each in a process of its own because a
 * process reads its settings, DATABASE_URL included, once. Prints one line of JSON (DatabaseFigures).
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { Upload } from "@/lib/recapture/schemas";
import { createAccount } from "@/lib/server/auth/accounts";
import { createSession, resolveSession, type SessionUser } from "@/lib/server/auth/sessions";
import { closeDatabase } from "@/lib/server/db";
import { recordUpload } from "@/lib/server/uploads/register";
import { DURATION_SECONDS } from "./proxy";

export interface DatabaseFigures {
  /** Calls in flight at once while measuring. */
  callsAtOnce: number;
  /** resolveSession: the session and its account, looked up by every signed-in request. */
  sessionChecksPerSecond: number;
  /** recordUpload: an upload the API accepted, written to the register and its line read back. */
  registerWritesPerSecond: number;
}

/** Calls in flight at once, as on a busy server (PostgreSQL's pool serves DATABASE_POOL_MAX of them at a time). */
const AT_ONCE = 32;
const SESSIONS = 200;
const WARM_UP_CALLS = 200;

/** Completed calls of `work` per second, with AT_ONCE of them always in flight, for DURATION_SECONDS (BENCH_SECONDS). */
async function callsPerSecond(work: (call: number) => Promise<unknown>): Promise<number> {
  for (let call = 0; call < WARM_UP_CALLS; call++) await work(call);
  let started = 0;
  let completed = 0;
  const start = performance.now();
  const deadline = start + DURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (performance.now() < deadline) {
        await work(started++);
        completed++;
      }
    }),
  );
  return completed / ((performance.now() - start) / 1000);
}

function acceptedUpload(): Upload {
  return {
    id: randomUUID(),
    created_at: new Date().toISOString(),
    enable_rego_lookups: false,
    name: "Service customers, March",
    total_uploaded_customers: 5_000,
    total_processed_customers: 0,
    total_errors: 0,
  };
}

async function measure(): Promise<DatabaseFigures> {
  const account = await createAccount({
    email: "bench-sessions@dealership.example",
    role: "staff",
    password: "bench-password-123",
  });
  const user: SessionUser = { id: account.id, email: account.email, name: account.name, role: account.role };
  const tokens: string[] = [];
  for (let session = 0; session < SESSIONS; session++) tokens.push(await createSession(user.id));

  const sessionChecksPerSecond = await callsPerSecond(async (call) => {
    if (!(await resolveSession(tokens[call % SESSIONS]!))) throw new Error("A live session was not found");
  });
  const registerWritesPerSecond = await callsPerSecond(async () => {
    await recordUpload(acceptedUpload(), { region: "au", user, source: "dashboard" });
  });
  return { callsAtOnce: AT_ONCE, sessionChecksPerSecond, registerWritesPerSecond };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measure()
    .then((figures) => console.log(JSON.stringify(figures)))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
